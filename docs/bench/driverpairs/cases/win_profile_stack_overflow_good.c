/*
 * CfgPort.sys - accepts a fan/LED profile blob from a management service.
 */
#include <ntddk.h>

#define IOCTL_CFGPORT_SET_PROFILE \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x801, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_CFGPORT_GET_VERSION \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x802, METHOD_BUFFERED, FILE_READ_ACCESS)

#define PROFILE_MAX      64
#define PROFILE_VERSION  3

static UCHAR g_ProfileData[PROFILE_MAX];
static ULONG g_ProfileVersion;

DRIVER_DISPATCH CfgDeviceControl;

static NTSTATUS CfgSetProfile(_In_reads_bytes_(InputLength) PVOID Input, ULONG InputLength)
{
    UCHAR local[PROFILE_MAX];

    if (InputLength < 1 || InputLength > sizeof(local))
        return STATUS_INVALID_PARAMETER;

    RtlZeroMemory(local, sizeof(local));
    RtlCopyMemory(local, Input, InputLength);

    if (local[0] != PROFILE_VERSION)
        return STATUS_REVISION_MISMATCH;

    RtlCopyMemory(g_ProfileData, local, sizeof(g_ProfileData));
    g_ProfileVersion = local[0];
    return STATUS_SUCCESS;
}

NTSTATUS CfgDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    PVOID buffer = Irp->AssociatedIrp.SystemBuffer;
    ULONG inLen = irpSp->Parameters.DeviceIoControl.InputBufferLength;
    ULONG outLen = irpSp->Parameters.DeviceIoControl.OutputBufferLength;
    ULONG_PTR info = 0;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_CFGPORT_SET_PROFILE:
        status = CfgSetProfile(buffer, inLen);
        break;
    case IOCTL_CFGPORT_GET_VERSION:
        if (outLen < sizeof(ULONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        *(PULONG)buffer = g_ProfileVersion;
        info = sizeof(ULONG);
        status = STATUS_SUCCESS;
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

NTSTATUS CfgCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID CfgUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\CfgPort");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\CfgPort");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\CfgPort");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = CfgCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = CfgCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = CfgDeviceControl;
    DriverObject->DriverUnload = CfgUnload;
    return STATUS_SUCCESS;
}
