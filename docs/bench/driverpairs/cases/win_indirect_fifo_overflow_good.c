/* UartFifo.sys - queues transmit data supplied via METHOD_IN_DIRECT. */
#include <ntddk.h>

#define IOCTL_UFIFO_PUSH  CTL_CODE(FILE_DEVICE_SERIAL_PORT, 0x930, METHOD_IN_DIRECT, FILE_WRITE_ACCESS)
#define IOCTL_UFIFO_RESET CTL_CODE(FILE_DEVICE_SERIAL_PORT, 0x931, METHOD_BUFFERED, FILE_WRITE_ACCESS)

#define FIFO_SIZE 2048

typedef struct _TX_FIFO {
    KSPIN_LOCK Lock;
    ULONG Used;
    UCHAR Data[FIFO_SIZE];
} TX_FIFO;

static TX_FIFO g_Fifo;

static VOID FifoInit(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    KeInitializeSpinLock(&g_Fifo.Lock);
}

static NTSTATUS FifoPush(PIRP Irp, PIO_STACK_LOCATION IrpSp)
{
    ULONG len = IrpSp->Parameters.DeviceIoControl.OutputBufferLength;
    NTSTATUS status = STATUS_SUCCESS;
    PUCHAR src;
    KIRQL irql;

    if (Irp->MdlAddress == NULL || len == 0)
        return STATUS_INVALID_PARAMETER;

    src = (PUCHAR)MmGetSystemAddressForMdlSafe(Irp->MdlAddress,
                                               NormalPagePriority | MdlMappingNoExecute);
    if (src == NULL)
        return STATUS_INSUFFICIENT_RESOURCES;

    KeAcquireSpinLock(&g_Fifo.Lock, &irql);
    if (len > FIFO_SIZE - g_Fifo.Used) {
        status = STATUS_DEVICE_BUSY;
    } else {
        RtlCopyMemory(&g_Fifo.Data[g_Fifo.Used], src, len);
        g_Fifo.Used += len;
    }
    KeReleaseSpinLock(&g_Fifo.Lock, irql);
    return status;
}

NTSTATUS FifoDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status = STATUS_SUCCESS;
    KIRQL irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_UFIFO_PUSH:
        status = FifoPush(Irp, irpSp);
        break;
    case IOCTL_UFIFO_RESET:
        KeAcquireSpinLock(&g_Fifo.Lock, &irql);
        g_Fifo.Used = 0;
        KeReleaseSpinLock(&g_Fifo.Lock, irql);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS FifoCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID FifoUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\UartFifo");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\UartFifo");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\UartFifo");
    PDEVICE_OBJECT deviceObject;
    NTSTATUS status;
    UNREFERENCED_PARAMETER(RegistryPath);
    status = IoCreateDevice(DriverObject, 0, &name, FILE_DEVICE_UNKNOWN,
                            FILE_DEVICE_SECURE_OPEN, FALSE, &deviceObject);
    if (!NT_SUCCESS(status))
        return status;
    status = IoCreateSymbolicLink(&link, &name);
    if (!NT_SUCCESS(status)) {
        IoDeleteDevice(deviceObject);
        return status;
    }
    DriverObject->MajorFunction[IRP_MJ_CREATE] = FifoCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = FifoCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = FifoDeviceControl;
    FifoInit(DriverObject);
    DriverObject->DriverUnload = FifoUnload;
    return STATUS_SUCCESS;
}
