/* EvTrace.sys - event tracing filter configured by a user-mode agent. */
#include <ntddk.h>

#define IOCTL_EVTRACE_ADD_FILTER \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x810, METHOD_NEITHER, FILE_ANY_ACCESS)

#define MAX_FILTERS 8

typedef struct _TRACE_FILTER {
    ULONG ProcessId;
    ULONG EventMask;
} TRACE_FILTER, *PTRACE_FILTER;

static TRACE_FILTER g_Filters[MAX_FILTERS];
static ULONG g_FilterCount;
static KSPIN_LOCK g_FilterLock;

static VOID EvtInit(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    KeInitializeSpinLock(&g_FilterLock);
}

static NTSTATUS EvtAddFilter(PIRP Irp, PIO_STACK_LOCATION IrpSp)
{
    PTRACE_FILTER userFilter = (PTRACE_FILTER)IrpSp->Parameters.DeviceIoControl.Type3InputBuffer;
    TRACE_FILTER captured;
    NTSTATUS status = STATUS_SUCCESS;
    KIRQL irql;

    if (IrpSp->Parameters.DeviceIoControl.InputBufferLength < sizeof(TRACE_FILTER))
        return STATUS_BUFFER_TOO_SMALL;

    __try {
        if (Irp->RequestorMode != KernelMode)
            ProbeForRead(userFilter, sizeof(TRACE_FILTER), TYPE_ALIGNMENT(TRACE_FILTER));
        captured = *userFilter;
    } __except (EXCEPTION_EXECUTE_HANDLER) {
        status = GetExceptionCode();
    }
    if (!NT_SUCCESS(status))
        return status;

    KeAcquireSpinLock(&g_FilterLock, &irql);
    if (g_FilterCount < MAX_FILTERS) {
        g_Filters[g_FilterCount++] = captured;
    } else {
        status = STATUS_INSUFFICIENT_RESOURCES;
    }
    KeReleaseSpinLock(&g_FilterLock, irql);
    return status;
}

NTSTATUS EvtDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_EVTRACE_ADD_FILTER:
        status = EvtAddFilter(Irp, irpSp);
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

NTSTATUS EvtCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID EvtUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\EvTrace");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\EvTrace");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\EvTrace");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = EvtCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = EvtCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = EvtDeviceControl;
    EvtInit(DriverObject);
    DriverObject->DriverUnload = EvtUnload;
    return STATUS_SUCCESS;
}
