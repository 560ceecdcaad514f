/* DmaStage.sys - stages a frame supplied through METHOD_IN_DIRECT for DMA. */
#include <ntddk.h>

#define IOCTL_DMASTAGE_SUBMIT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x920, METHOD_IN_DIRECT, FILE_WRITE_ACCESS)

#define STAGE_SIZE 4096

typedef struct _STAGE_STATE {
    KSPIN_LOCK Lock;
    ULONG Length;
    UCHAR Data[STAGE_SIZE];
} STAGE_STATE;

static STAGE_STATE g_Stage;

static VOID StageInit(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    KeInitializeSpinLock(&g_Stage.Lock);
}

static NTSTATUS StageSubmit(PIRP Irp)
{
    PUCHAR src;
    ULONG len;
    KIRQL irql;

    if (Irp->MdlAddress == NULL)
        return STATUS_INVALID_PARAMETER;

    len = MmGetMdlByteCount(Irp->MdlAddress);
    if (len == 0 || len > STAGE_SIZE)
        return STATUS_INVALID_BUFFER_SIZE;

    src = (PUCHAR)MmGetSystemAddressForMdlSafe(Irp->MdlAddress,
                                               NormalPagePriority | MdlMappingNoExecute);

    KeAcquireSpinLock(&g_Stage.Lock, &irql);
    RtlCopyMemory(g_Stage.Data, src, len); // expect-warning: CWE-690
    g_Stage.Length = len;
    KeReleaseSpinLock(&g_Stage.Lock, irql);
    return STATUS_SUCCESS;
}

NTSTATUS StageDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);
    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_DMASTAGE_SUBMIT:
        status = StageSubmit(Irp);
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

NTSTATUS StageCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID StageUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\DmaStage");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\DmaStage");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\DmaStage");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = StageCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = StageCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = StageDeviceControl;
    StageInit(DriverObject);
    DriverObject->DriverUnload = StageUnload;
    return STATUS_SUCCESS;
}
