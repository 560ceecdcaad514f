/* AcmeSense.sys - reports driver version and feature mask to the control panel. */
#include <ntddk.h>
#include <ntstrsafe.h>

#define IOCTL_ACME_GET_VERSION \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x850, METHOD_BUFFERED, FILE_ANY_ACCESS)

typedef struct _ACME_VERSION_INFO {
    USHORT Major;
    USHORT Minor;
    ULONG Build;
    UCHAR Flags;            /* followed by 7 bytes of padding */
    ULONGLONG Features;
    WCHAR Name[16];
} ACME_VERSION_INFO, *PACME_VERSION_INFO;

static ULONGLONG g_FeatureMask = 0x1F;
static BOOLEAN g_DebugBuild;

static NTSTATUS AcmeGetVersion(PVOID SystemBuffer, ULONG OutLen, PULONG_PTR Information)
{
    ACME_VERSION_INFO vi;
    NTSTATUS status;

    if (OutLen < sizeof(vi))
        return STATUS_BUFFER_TOO_SMALL;

    vi.Major = 2;
    vi.Minor = 7;
    vi.Build = 1043;
    vi.Flags = g_DebugBuild ? 1 : 0;
    vi.Features = g_FeatureMask;
    status = RtlStringCchCopyW(vi.Name, RTL_NUMBER_OF(vi.Name), L"AcmeSense");
    if (!NT_SUCCESS(status))
        return status;

    RtlCopyMemory(SystemBuffer, &vi, sizeof(vi)); // expect-warning: CWE-908
    *Information = sizeof(vi);
    return STATUS_SUCCESS;
}

NTSTATUS AcmeDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    ULONG_PTR info = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_ACME_GET_VERSION:
        status = AcmeGetVersion(Irp->AssociatedIrp.SystemBuffer,
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

NTSTATUS AcmeCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID AcmeUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\AcmeSense");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\AcmeSense");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\AcmeSense");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = AcmeCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = AcmeCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = AcmeDeviceControl;
    DriverObject->DriverUnload = AcmeUnload;
    return STATUS_SUCCESS;
}
