/* ChanMgr.sys - creates prioritised I/O channels on request. */
#include <ntddk.h>

#define IOCTL_CHAN_CREATE CTL_CODE(FILE_DEVICE_UNKNOWN, 0x8B0, METHOD_BUFFERED, FILE_ANY_ACCESS)

#define CHAN_TAG 'nahC'

typedef struct _CHANNEL {
    LIST_ENTRY Link;
    ULONG Id;
    ULONG Priority;
} CHANNEL, *PCHANNEL;

static LIST_ENTRY g_Channels;
static KSPIN_LOCK g_ChanLock;
static LONG g_NextId;

static VOID ChanInit(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    InitializeListHead(&g_Channels);
    KeInitializeSpinLock(&g_ChanLock);
}

static VOID ChanCleanup(VOID)
{
    while (!IsListEmpty(&g_Channels))
        ExFreePoolWithTag(CONTAINING_RECORD(RemoveHeadList(&g_Channels), CHANNEL, Link), CHAN_TAG);
}

static NTSTATUS ChanCreate(ULONG Priority, PULONG Id)
{
    PCHANNEL ch;
    KIRQL irql;

    if (Priority > 7)
        return STATUS_INVALID_PARAMETER;

    ch = (PCHANNEL)ExAllocatePoolWithTag(NonPagedPoolNx, sizeof(CHANNEL), CHAN_TAG);
    RtlZeroMemory(ch, sizeof(*ch)); // expect-warning: CWE-690
    ch->Priority = Priority;
    ch->Id = (ULONG)InterlockedIncrement(&g_NextId);
    KeAcquireSpinLock(&g_ChanLock, &irql);
    InsertTailList(&g_Channels, &ch->Link);
    KeReleaseSpinLock(&g_ChanLock, irql);

    *Id = ch->Id;
    return STATUS_SUCCESS;
}

NTSTATUS ChanDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    PULONG buffer = (PULONG)Irp->AssociatedIrp.SystemBuffer;
    ULONG_PTR info = 0;
    NTSTATUS status;
    ULONG id = 0;

    UNREFERENCED_PARAMETER(DeviceObject);
    if (irpSp->Parameters.DeviceIoControl.IoControlCode != IOCTL_CHAN_CREATE) {
        status = STATUS_INVALID_DEVICE_REQUEST;
    } else if (irpSp->Parameters.DeviceIoControl.InputBufferLength < sizeof(ULONG) ||
               irpSp->Parameters.DeviceIoControl.OutputBufferLength < sizeof(ULONG)) {
        status = STATUS_BUFFER_TOO_SMALL;
    } else {
        status = ChanCreate(*buffer, &id);
        if (NT_SUCCESS(status)) {
            *buffer = id;
            info = sizeof(ULONG);
        }
    }

    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = info;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS ChanCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID ChanUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\ChanMgr");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
    ChanCleanup();
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\ChanMgr");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\ChanMgr");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = ChanCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = ChanCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = ChanDeviceControl;
    ChanInit(DriverObject);
    DriverObject->DriverUnload = ChanUnload;
    return STATUS_SUCCESS;
}
