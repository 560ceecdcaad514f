/* RecKmdf.sys - KMDF driver reserving a capture record of a requested size. */
#include <ntddk.h>
#include <wdf.h>
#include <ntintsafe.h>
#include <initguid.h>

DEFINE_GUID(GUID_DEVINTERFACE_RECCAP,
    0x9b27f3c2, 0x1a4d, 0x4e6b, 0xb3, 0x70, 0x52, 0x0e, 0xc8, 0x19, 0x6d, 0xa4);

#define IOCTL_REC_RESERVE \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x950, METHOD_BUFFERED, FILE_WRITE_ACCESS)
#define REC_TAG   'ceRK'
#define REC_MAGIC 0x52454331

typedef struct _REC_RESERVE_REQUEST {
    ULONG PayloadBytes;
    ULONG Flags;
} REC_RESERVE_REQUEST, *PREC_RESERVE_REQUEST;

typedef struct _RECORD {
    ULONG Magic;
    ULONG PayloadBytes;
    ULONG Flags;
    ULONG Reserved;
    UCHAR Payload[ANYSIZE_ARRAY];
} RECORD, *PRECORD;

typedef struct _REC_CONTEXT {
    PRECORD Current;
} REC_CONTEXT, *PREC_CONTEXT;
WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(REC_CONTEXT, RecGetContext)

DRIVER_INITIALIZE DriverEntry;
EVT_WDF_DRIVER_DEVICE_ADD RecEvtDeviceAdd;
EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL RecEvtIoDeviceControl;
EVT_WDF_OBJECT_CONTEXT_CLEANUP RecEvtDeviceCleanup;

static NTSTATUS RecReserve(PREC_CONTEXT Ctx, const REC_RESERVE_REQUEST *Req)
{
    PRECORD rec;
    ULONG total;

    if (!NT_SUCCESS(RtlULongAdd(Req->PayloadBytes, (ULONG)FIELD_OFFSET(RECORD, Payload), &total)))
        return STATUS_INVALID_PARAMETER;

    rec = (PRECORD)ExAllocatePool2(POOL_FLAG_NON_PAGED, total, REC_TAG);
    if (rec == NULL)
        return STATUS_INSUFFICIENT_RESOURCES;
    rec->Magic = REC_MAGIC;
    rec->PayloadBytes = Req->PayloadBytes;
    rec->Flags = Req->Flags;
    RtlFillMemory(rec->Payload, Req->PayloadBytes, 0xFF);   /* erased-flash pattern */

    if (Ctx->Current != NULL)
        ExFreePoolWithTag(Ctx->Current, REC_TAG);
    Ctx->Current = rec;
    return STATUS_SUCCESS;
}

VOID RecEvtIoDeviceControl(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength,
                           size_t InputBufferLength, ULONG IoControlCode)
{
    PREC_CONTEXT ctx = RecGetContext(WdfIoQueueGetDevice(Queue));
    PREC_RESERVE_REQUEST req;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(OutputBufferLength);
    UNREFERENCED_PARAMETER(InputBufferLength);

    if (IoControlCode != IOCTL_REC_RESERVE) {
        status = STATUS_INVALID_DEVICE_REQUEST;
    } else {
        status = WdfRequestRetrieveInputBuffer(Request, sizeof(REC_RESERVE_REQUEST), (PVOID *)&req, NULL);
        if (NT_SUCCESS(status))
            status = RecReserve(ctx, req);
    }
    WdfRequestComplete(Request, status);
}

VOID RecEvtDeviceCleanup(WDFOBJECT Object)
{
    PREC_CONTEXT ctx = RecGetContext((WDFDEVICE)Object);

    if (ctx->Current != NULL)
        ExFreePoolWithTag(ctx->Current, REC_TAG);
}

NTSTATUS RecEvtDeviceAdd(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit)
{
    WDF_OBJECT_ATTRIBUTES attributes;
    WDF_IO_QUEUE_CONFIG queueConfig;
    WDFDEVICE device;
    NTSTATUS status;

    UNREFERENCED_PARAMETER(Driver);
    WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(&attributes, REC_CONTEXT);
    attributes.EvtCleanupCallback = RecEvtDeviceCleanup;
    status = WdfDeviceCreate(&DeviceInit, &attributes, &device);
    if (!NT_SUCCESS(status))
        return status;
    status = WdfDeviceCreateDeviceInterface(device, &GUID_DEVINTERFACE_RECCAP, NULL);
    if (!NT_SUCCESS(status))
        return status;

    WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(&queueConfig, WdfIoQueueDispatchSequential);
    queueConfig.EvtIoDeviceControl = RecEvtIoDeviceControl;
    return WdfIoQueueCreate(device, &queueConfig, WDF_NO_OBJECT_ATTRIBUTES, WDF_NO_HANDLE);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    WDF_DRIVER_CONFIG config;

    WDF_DRIVER_CONFIG_INIT(&config, RecEvtDeviceAdd);
    return WdfDriverCreate(DriverObject, RegistryPath, WDF_NO_OBJECT_ATTRIBUTES,
                           &config, WDF_NO_HANDLE);
}
