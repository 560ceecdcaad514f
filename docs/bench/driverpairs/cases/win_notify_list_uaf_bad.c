/* NtfHub.sys - per-handle event notification registrations; Owner NULL = all. */
#include <ntddk.h>

#define IOCTL_NTF_REGISTER CTL_CODE(FILE_DEVICE_UNKNOWN, 0x890, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define NTF_TAG 'bHtN'

typedef struct _NTF_ENTRY {
    LIST_ENTRY Link;
    PFILE_OBJECT Owner;
    ULONG EventMask;
} NTF_ENTRY, *PNTF_ENTRY;

static LIST_ENTRY g_NtfList;
static KSPIN_LOCK g_NtfLock;

static VOID NtfFlush(PFILE_OBJECT Owner)
{
    PLIST_ENTRY e;
    KIRQL irql;
    KeAcquireSpinLock(&g_NtfLock, &irql);
    for (e = g_NtfList.Flink; e != &g_NtfList; e = e->Flink) { // expect-warning: CWE-416
        PNTF_ENTRY n = CONTAINING_RECORD(e, NTF_ENTRY, Link);
        if (Owner == NULL || n->Owner == Owner) {
            RemoveEntryList(e);
            ExFreePoolWithTag(n, NTF_TAG);
        }
    }
    KeReleaseSpinLock(&g_NtfLock, irql);
}

NTSTATUS NtfCleanup(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    NtfFlush(IoGetCurrentIrpStackLocation(Irp)->FileObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

static VOID NtfInit(PDRIVER_OBJECT DriverObject)
{
    InitializeListHead(&g_NtfList);
    KeInitializeSpinLock(&g_NtfLock);
    DriverObject->MajorFunction[IRP_MJ_CLEANUP] = NtfCleanup;
}

NTSTATUS NtfDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status = STATUS_SUCCESS;
    PNTF_ENTRY n;
    KIRQL irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (irpSp->Parameters.DeviceIoControl.IoControlCode != IOCTL_NTF_REGISTER) {
        status = STATUS_INVALID_DEVICE_REQUEST;
    } else if (irpSp->Parameters.DeviceIoControl.InputBufferLength < sizeof(ULONG)) {
        status = STATUS_BUFFER_TOO_SMALL;
    } else {
        n = (PNTF_ENTRY)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(*n), NTF_TAG);
        if (n == NULL) {
            status = STATUS_INSUFFICIENT_RESOURCES;
        } else {
            n->Owner = irpSp->FileObject;
            n->EventMask = *(PULONG)Irp->AssociatedIrp.SystemBuffer;
            KeAcquireSpinLock(&g_NtfLock, &irql);
            InsertTailList(&g_NtfList, &n->Link);
            KeReleaseSpinLock(&g_NtfLock, irql);
        }
    }

    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS NtfCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID NtfUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\NtfHub");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
    NtfFlush(NULL);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\NtfHub");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\NtfHub");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = NtfCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = NtfCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = NtfDeviceControl;
    NtfInit(DriverObject);
    DriverObject->DriverUnload = NtfUnload;
    return STATUS_SUCCESS;
}
