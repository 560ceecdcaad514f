/* EvQueue.sys - returns a snapshot of recent hardware events. */
#include <ntddk.h>

#define IOCTL_EVQ_SNAPSHOT \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x840, METHOD_BUFFERED, FILE_READ_ACCESS)

#define EVQ_TAG      'qvE'
#define EVQ_RING     64
#define EVQ_MAX_OUT  (64 * 1024)

typedef struct _EVQ_EVENT {
    ULONGLONG Timestamp;
    ULONG Code;
    ULONG Data;
} EVQ_EVENT, *PEVQ_EVENT;

static EVQ_EVENT g_Ring[EVQ_RING];
static ULONG g_RingCount;
static KSPIN_LOCK g_RingLock;

static VOID EvqInit(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    KeInitializeSpinLock(&g_RingLock);
}

static NTSTATUS EvqSnapshot(PVOID SystemBuffer, ULONG OutLen, PULONG_PTR Information)
{
    PEVQ_EVENT snap;
    ULONG n, i;
    KIRQL irql;

    if (OutLen < sizeof(EVQ_EVENT) || OutLen > EVQ_MAX_OUT)
        return STATUS_INVALID_BUFFER_SIZE;

    snap = (PEVQ_EVENT)ExAllocatePoolWithTag(NonPagedPoolNx, OutLen, EVQ_TAG);
    if (snap == NULL)
        return STATUS_INSUFFICIENT_RESOURCES;

    KeAcquireSpinLock(&g_RingLock, &irql);
    n = min(g_RingCount, OutLen / (ULONG)sizeof(EVQ_EVENT));
    for (i = 0; i < n; i++)
        snap[i] = g_Ring[i];
    KeReleaseSpinLock(&g_RingLock, irql);

    RtlCopyMemory(SystemBuffer, snap, OutLen); // expect-warning: CWE-908
    *Information = OutLen;

    ExFreePoolWithTag(snap, EVQ_TAG);
    return STATUS_SUCCESS;
}

NTSTATUS EvqDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    ULONG_PTR info = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_EVQ_SNAPSHOT:
        status = EvqSnapshot(Irp->AssociatedIrp.SystemBuffer,
                             irpSp->Parameters.DeviceIoControl.OutputBufferLength, &info);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }

    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = info;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS EvqCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID EvqUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\EvQueue");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\EvQueue");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\EvQueue");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = EvqCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = EvqCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = EvqDeviceControl;
    EvqInit(DriverObject);
    DriverObject->DriverUnload = EvqUnload;
    return STATUS_SUCCESS;
}
