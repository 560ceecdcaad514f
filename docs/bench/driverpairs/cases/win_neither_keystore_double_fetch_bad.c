/* KeyStore.sys - stores small key blobs in numbered slots (METHOD_NEITHER). */
#include <ntddk.h>

#define IOCTL_KEYSTORE_PUT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x870, METHOD_NEITHER, FILE_WRITE_ACCESS)

#define KS_SLOTS     16
#define KS_BLOB_MAX  256

typedef struct _KS_PUT_REQUEST {
    ULONG Slot;
    ULONG Length;
    UCHAR Data[KS_BLOB_MAX];
} KS_PUT_REQUEST, *PKS_PUT_REQUEST;

static UCHAR g_Blobs[KS_SLOTS][KS_BLOB_MAX];
static ULONG g_BlobLen[KS_SLOTS];
static FAST_MUTEX g_KsLock;

static VOID KsInit(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    ExInitializeFastMutex(&g_KsLock);
}

static NTSTATUS KsCapture(PKS_PUT_REQUEST UserReq, PULONG Slot, PUCHAR Data, PULONG Length)
{
    NTSTATUS status = STATUS_SUCCESS;
    ULONG len;
    __try {
        ProbeForRead(UserReq, sizeof(KS_PUT_REQUEST), TYPE_ALIGNMENT(KS_PUT_REQUEST));
        *Slot = UserReq->Slot;
        if (UserReq->Length > KS_BLOB_MAX) {
            status = STATUS_INVALID_PARAMETER;
            __leave;
        }
        len = UserReq->Length; // expect-warning: CWE-367
        RtlCopyMemory(Data, UserReq->Data, len);
        *Length = len;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    return status;
}

NTSTATUS KsDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    ULONG slot = 0, len = 0;
    UCHAR data[KS_BLOB_MAX];
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_KEYSTORE_PUT:
        status = KsCapture((PKS_PUT_REQUEST)irpSp->Parameters.DeviceIoControl.Type3InputBuffer,
                           &slot, data, &len);
        if (!NT_SUCCESS(status))
            break;
        if (slot >= KS_SLOTS) {
            status = STATUS_INVALID_PARAMETER;
            break;
        }
        ExAcquireFastMutex(&g_KsLock);
        RtlCopyMemory(g_Blobs[slot], data, len);
        g_BlobLen[slot] = len;
        ExReleaseFastMutex(&g_KsLock);
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

NTSTATUS KsCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID KsUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\KeyStore");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\KeyStore");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\KeyStore");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = KsCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = KsCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = KsDeviceControl;
    KsInit(DriverObject);
    DriverObject->DriverUnload = KsUnload;
    return STATUS_SUCCESS;
}
