/* FanKmdf.sys - KMDF driver setting per-zone fan duty cycles. */
#include <ntddk.h>
#include <wdf.h>
#include <initguid.h>

DEFINE_GUID(GUID_DEVINTERFACE_FANCTL,
    0x6c1f2a4e, 0x31d0, 0x4b8a, 0x9e, 0x51, 0x2f, 0x7d, 0x0a, 0x66, 0x13, 0xc4);

#define IOCTL_FAN_SET_DUTY \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x900, METHOD_BUFFERED, FILE_WRITE_ACCESS)

#define FAN_ZONES 4

typedef struct _FAN_SET_REQUEST {
    ULONG Zone;
    ULONG DutyPercent;
    ULONG RampMs;
} FAN_SET_REQUEST, *PFAN_SET_REQUEST;

typedef struct _FAN_CONTEXT {
    ULONG Duty[FAN_ZONES];
    ULONG Ramp[FAN_ZONES];
} FAN_CONTEXT, *PFAN_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(FAN_CONTEXT, FanGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD FanEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL FanEvtIoDeviceControl;

VOID FanEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength,
                           size_t InputBufferLength, ULONG IoControlCode)
{
    PFAN_CONTEXT ctx = FanGetContext(WdfIoQueueGetDevice(Queue));
    PFAN_SET_REQUEST req;
    NTSTATUS status;
    PVOID buffer;
    size_t length;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_FAN_SET_DUTY:
        status = WdfRequestRetrieveInputBuffer(Request, 0, &buffer, &length);
        if (!NT_SUCCESS(status))
            break;
        req = (PFAN_SET_REQUEST)buffer;
        if (req->Zone >= FAN_ZONES || req->DutyPercent > 100) { // expect-warning: CWE-125
            status = STATUS_INVALID_PARAMETER;
            break;
        }
        ctx->Duty[req->Zone] = req->DutyPercent;
        ctx->Ramp[req->Zone] = req->RampMs;
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestComplete(Request, status);
}

NTSTATUS FanEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, FAN_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status))
        return status;

    status = WdfDeviceCreateDeviceInterface(device, &GUID_DEVINTERFACE_FANCTL, NULL);
    if (!NT_SUCCESS(status))
        return status;

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoDeviceControl = FanEvtIoDeviceControl;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, FanEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}
