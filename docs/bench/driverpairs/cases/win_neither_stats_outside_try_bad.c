/* NetMon.sys - packet counters returned directly into the caller's buffer. */
#include <ntddk.h>

#define IOCTL_NETMON_GET_STATS \
    CTL_CODE(FILE_DEVICE_NETWORK, 0x820, METHOD_NEITHER, FILE_READ_ACCESS)

typedef struct _NETMON_STATS {
    ULONGLONG RxPackets;
    ULONGLONG TxPackets;
    ULONGLONG RxBytes;
    ULONGLONG TxBytes;
    ULONG Drops;
    ULONG Errors;
} NETMON_STATS, *PNETMON_STATS;

static NETMON_STATS g_Stats;
static KSPIN_LOCK g_StatsLock;

static VOID NmInit(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    KeInitializeSpinLock(&g_StatsLock);
}

static NTSTATUS NmGetStats(PIRP Irp, PIO_STACK_LOCATION IrpSp, PULONG_PTR Information)
{
    PVOID userOut = Irp->UserBuffer;
    ULONG outLen = IrpSp->Parameters.DeviceIoControl.OutputBufferLength;
    NETMON_STATS snapshot;
    NTSTATUS status = STATUS_SUCCESS;
    KIRQL irql;

    if (outLen < sizeof(NETMON_STATS) || userOut == NULL)
        return STATUS_BUFFER_TOO_SMALL;

    KeAcquireSpinLock(&g_StatsLock, &irql);
    snapshot = g_Stats;
    KeReleaseSpinLock(&g_StatsLock, irql);

    __try {
        ProbeForWrite(userOut, sizeof(NETMON_STATS), TYPE_ALIGNMENT(NETMON_STATS));
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    if (!NT_SUCCESS(status))
        return status;

    RtlCopyMemory(userOut, &snapshot, sizeof(snapshot)); // expect-warning: CWE-822
    *Information = sizeof(NETMON_STATS);
    return STATUS_SUCCESS;
}

NTSTATUS NmDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    ULONG_PTR info = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_NETMON_GET_STATS:
        status = NmGetStats(Irp, irpSp, &info);
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

NTSTATUS NmCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID NmUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\NetMon");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\NetMon");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\NetMon");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = NmCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = NmCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = NmDeviceControl;
    NmInit(DriverObject);
    DriverObject->DriverUnload = NmUnload;
    return STATUS_SUCCESS;
}
