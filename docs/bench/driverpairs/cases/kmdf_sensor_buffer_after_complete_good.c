/* TempKmdf.sys - KMDF temperature sensor returning one reading per IOCTL. */
#include <ntddk.h>
#include <wdf.h>
#include <initguid.h>

DEFINE_GUID(GUID_DEVINTERFACE_TEMPSENS,
    0x0d3b9a71, 0x5e2c, 0x4f19, 0x8a, 0x0b, 0x6e, 0x44, 0x91, 0x2c, 0xd7, 0x35);

#define IOCTL_SENS_READ \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x910, METHOD_BUFFERED, FILE_READ_ACCESS)

typedef struct _SENS_READING {
    ULONG Sequence;
    LONG MilliCelsius;
    ULONGLONG Timestamp;
} SENS_READING, *PSENS_READING;

typedef struct _SENS_CONTEXT {
    ULONG Sequence;
    ULONG LastReturnedSequence;
    LONG CurrentMilliCelsius;
} SENS_CONTEXT, *PSENS_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(SENS_CONTEXT, SensGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD SensEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL SensEvtIoDeviceControl;

VOID SensEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength,
                            size_t InputBufferLength, ULONG IoControlCode)
{
    PSENS_CONTEXT ctx = SensGetContext(WdfIoQueueGetDevice(Queue));
    PSENS_READING out;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    switch (IoControlCode) {
    case IOCTL_SENS_READ:
        status = WdfRequestRetrieveOutputBuffer(Request, sizeof(SENS_READING), (PVOID *)&out, NULL);
        if (!NT_SUCCESS(status))
            break;
        out->Sequence = ++ctx->Sequence;
        out->MilliCelsius = ctx->CurrentMilliCelsius;
        out->Timestamp = KeQueryInterruptTime();
        ctx->LastReturnedSequence = out->Sequence;
        WdfRequestCompleteWithInformation(Request, STATUS_SUCCESS, sizeof(SENS_READING));
        return;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }
    WdfRequestComplete(Request, status);
}

NTSTATUS SensEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);

    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, SENS_CONTEXT);
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status))
        return status;
    SensGetContext(device)->CurrentMilliCelsius = 25000;

    status = WdfDeviceCreateDeviceInterface(device, &GUID_DEVINTERFACE_TEMPSENS, NULL);
    if (!NT_SUCCESS(status))
        return status;

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoDeviceControl = SensEvtIoDeviceControl;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, SensEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}
