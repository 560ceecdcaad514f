/* NvCfg.sys - writes configuration records into a shadow NVRAM image. */
#include <ntddk.h>

#define IOCTL_NVCFG_WRITE \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x830, METHOD_BUFFERED, FILE_WRITE_ACCESS)

#define NVRAM_SIZE 1024

typedef struct _NVCFG_WRITE_REQUEST {
    ULONG Offset;
    ULONG Length;
    UCHAR Data[ANYSIZE_ARRAY];
} NVCFG_WRITE_REQUEST, *PNVCFG_WRITE_REQUEST;

static UCHAR g_Nvram[NVRAM_SIZE];
static FAST_MUTEX g_NvramLock;

static VOID NvInit(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    ExInitializeFastMutex(&g_NvramLock);
}

static NTSTATUS NvWrite(PNVCFG_WRITE_REQUEST Req, ULONG InputLength)
{
    if (InputLength < FIELD_OFFSET(NVCFG_WRITE_REQUEST, Data))
        return STATUS_BUFFER_TOO_SMALL;

    if (Req->Offset > NVRAM_SIZE || Req->Length > NVRAM_SIZE - Req->Offset)
        return STATUS_INVALID_PARAMETER;

    ExAcquireFastMutex(&g_NvramLock);
    RtlCopyMemory(&g_Nvram[Req->Offset], Req->Data, Req->Length); // expect-warning: CWE-125
    ExReleaseFastMutex(&g_NvramLock);
    return STATUS_SUCCESS;
}

NTSTATUS NvDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_NVCFG_WRITE:
        status = NvWrite((PNVCFG_WRITE_REQUEST)Irp->AssociatedIrp.SystemBuffer,
                         irpSp->Parameters.DeviceIoControl.InputBufferLength);
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

NTSTATUS NvCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID NvUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\NvCfg");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\NvCfg");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\NvCfg");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = NvCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = NvCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = NvDeviceControl;
    NvInit(DriverObject);
    DriverObject->DriverUnload = NvUnload;
    return STATUS_SUCCESS;
}
