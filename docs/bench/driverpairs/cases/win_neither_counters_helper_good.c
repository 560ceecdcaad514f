/* PerfCtr.sys - copies performance counters straight into the caller's buffer. */
#include <ntddk.h>

#define IOCTL_PERFCTR_READ \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x940, METHOD_NEITHER, FILE_READ_ACCESS)

#define PERF_COUNTERS 8

typedef struct _PERF_SNAPSHOT {
    ULONGLONG Counter[PERF_COUNTERS];
    ULONGLONG Timestamp;
} PERF_SNAPSHOT, *PPERF_SNAPSHOT;

static volatile LONG64 g_Counters[PERF_COUNTERS];

static VOID PerfFillSnapshot(PPERF_SNAPSHOT Out)
{
    PERF_SNAPSHOT snap;
    ULONG i;

    for (i = 0; i < PERF_COUNTERS; i++)
        snap.Counter[i] = (ULONGLONG)InterlockedCompareExchange64(&g_Counters[i], 0, 0);
    snap.Timestamp = KeQueryInterruptTime();

    RtlCopyMemory(Out, &snap, sizeof(snap));
}

static NTSTATUS PerfRead(PIRP Irp, PIO_STACK_LOCATION IrpSp, PULONG_PTR Information)
{
    PPERF_SNAPSHOT out = (PPERF_SNAPSHOT)Irp->UserBuffer;
    NTSTATUS status = STATUS_SUCCESS;

    if (IrpSp->Parameters.DeviceIoControl.OutputBufferLength < sizeof(PERF_SNAPSHOT))
        return STATUS_BUFFER_TOO_SMALL;

    __try {
        if (Irp->RequestorMode != KernelMode)
            ProbeForWrite(out, sizeof(PERF_SNAPSHOT), TYPE_ALIGNMENT(PERF_SNAPSHOT));
        PerfFillSnapshot(out);
        *Information = sizeof(PERF_SNAPSHOT);
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    return status;
}

NTSTATUS PerfDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    ULONG_PTR info = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);
    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_PERFCTR_READ:
        status = PerfRead(Irp, irpSp, &info);
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

NTSTATUS PerfCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID PerfUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\PerfCtr");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\PerfCtr");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\PerfCtr");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = PerfCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = PerfCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = PerfDeviceControl;
    DriverObject->DriverUnload = PerfUnload;
    return STATUS_SUCCESS;
}
