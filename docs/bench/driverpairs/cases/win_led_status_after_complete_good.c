/* LedCtl.sys - sets and queries the colour of front-panel LEDs. */
#include <ntddk.h>

#define IOCTL_LED_SET \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x880, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define IOCTL_LED_GET \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x881, METHOD_BUFFERED, FILE_READ_ACCESS)

#define LED_COUNT 8

typedef struct _LED_STATE {
    ULONG Index;
    ULONG Color;
    ULONG Brightness;
} LED_STATE, *PLED_STATE;

static ULONG g_LedColor[LED_COUNT];
static ULONG g_LedBrightness[LED_COUNT];

NTSTATUS LedDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    ULONG inLen = irpSp->Parameters.DeviceIoControl.InputBufferLength;
    ULONG outLen = irpSp->Parameters.DeviceIoControl.OutputBufferLength;
    PVOID buffer = Irp->AssociatedIrp.SystemBuffer;
    PLED_STATE st = (PLED_STATE)buffer;
    NTSTATUS status = STATUS_SUCCESS;
    ULONG_PTR info = 0;
    ULONG idx;

    UNREFERENCED_PARAMETER(DeviceObject);

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_LED_SET:
        if (inLen < sizeof(LED_STATE)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        if (st->Index >= LED_COUNT || st->Brightness > 100) {
            status = STATUS_INVALID_PARAMETER;
            break;
        }
        g_LedColor[st->Index] = st->Color & 0x00FFFFFF;
        g_LedBrightness[st->Index] = st->Brightness;
        break;
    case IOCTL_LED_GET:
        if (inLen < sizeof(ULONG) || outLen < sizeof(LED_STATE)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        idx = *(PULONG)buffer;
        if (idx >= LED_COUNT) {
            status = STATUS_INVALID_PARAMETER;
            break;
        }
        st->Index = idx;
        st->Color = g_LedColor[idx];
        st->Brightness = g_LedBrightness[idx];
        info = sizeof(LED_STATE);
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

NTSTATUS LedCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID LedUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\LedCtl");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\LedCtl");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\LedCtl");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = LedCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = LedCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = LedDeviceControl;
    DriverObject->DriverUnload = LedUnload;
    return STATUS_SUCCESS;
}
