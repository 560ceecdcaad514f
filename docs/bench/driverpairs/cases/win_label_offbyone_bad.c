/* PanelLbl.sys - sets the Unicode label shown on the device's status panel. */
#include <ntddk.h>
#include <ntstrsafe.h>

#define IOCTL_PANEL_SET_LABEL \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x8D0, METHOD_BUFFERED, FILE_WRITE_ACCESS)

#define LABEL_CCH 32

static WCHAR g_Label[LABEL_CCH];
static FAST_MUTEX g_LabelLock;

static VOID LblInit(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    ExInitializeFastMutex(&g_LabelLock);
}

/* Input: label characters without a terminating NUL. */
static NTSTATUS LblSetLabel(PCWSTR Input, ULONG InputLength)
{
    WCHAR label[LABEL_CCH];
    ULONG cch = InputLength / sizeof(WCHAR);
    NTSTATUS status;

    if (cch == 0 || cch > LABEL_CCH)
        return STATUS_INVALID_PARAMETER;

    RtlCopyMemory(label, Input, cch * sizeof(WCHAR));
    label[cch] = UNICODE_NULL; // expect-warning: CWE-193

    ExAcquireFastMutex(&g_LabelLock);
    status = RtlStringCchCopyW(g_Label, RTL_NUMBER_OF(g_Label), label);
    ExReleaseFastMutex(&g_LabelLock);
    return status;
}

NTSTATUS LblDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_PANEL_SET_LABEL:
        status = LblSetLabel((PCWSTR)Irp->AssociatedIrp.SystemBuffer,
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

NTSTATUS LblCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID LblUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\PanelLbl");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\PanelLbl");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\PanelLbl");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = LblCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = LblCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = LblDeviceControl;
    LblInit(DriverObject);
    DriverObject->DriverUnload = LblUnload;
    return STATUS_SUCCESS;
}
