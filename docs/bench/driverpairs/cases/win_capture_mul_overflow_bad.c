/* CapBuf.sys - allocates a capture buffer sized by the acquisition service. */
#include <ntddk.h>
#include <ntintsafe.h>

#define IOCTL_CAP_ARM \
    CTL_CODE(FILE_DEVICE_UNKNOWN, 0x860, METHOD_BUFFERED, FILE_WRITE_ACCESS)

#define CAP_TAG           'fBaC'
#define CAP_SAMPLE_EMPTY  0x1

typedef struct _CAP_SAMPLE {
    ULONG Sequence;
    ULONG Flags;
    ULONGLONG Value;
} CAP_SAMPLE, *PCAP_SAMPLE;

#define CAP_SAMPLE_SIZE ((ULONG)sizeof(CAP_SAMPLE))

static PCAP_SAMPLE volatile g_Capture;

static NTSTATUS CapArm(ULONG Count)
{
    PCAP_SAMPLE buf, old;
    ULONG bytes, i;

    if (Count == 0)
        return STATUS_INVALID_PARAMETER;
    bytes = Count * CAP_SAMPLE_SIZE; // expect-warning: CWE-190

    buf = (PCAP_SAMPLE)ExAllocatePoolWithTag(NonPagedPoolNx, bytes, CAP_TAG);
    if (buf == NULL)
        return STATUS_INSUFFICIENT_RESOURCES;

    for (i = 0; i < Count; i++) {
        buf[i].Sequence = i;
        buf[i].Flags = CAP_SAMPLE_EMPTY;
        buf[i].Value = 0;
    }

    old = (PCAP_SAMPLE)InterlockedExchangePointer((PVOID volatile *)&g_Capture, buf);
    if (old != NULL)
        ExFreePoolWithTag(old, CAP_TAG);
    return STATUS_SUCCESS;
}

static VOID CapCleanup(VOID)
{
    PCAP_SAMPLE old = (PCAP_SAMPLE)InterlockedExchangePointer((PVOID volatile *)&g_Capture, NULL);
    if (old != NULL)
        ExFreePoolWithTag(old, CAP_TAG);
}

NTSTATUS CapDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;

    UNREFERENCED_PARAMETER(DeviceObject);

    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_CAP_ARM:
        if (irpSp->Parameters.DeviceIoControl.InputBufferLength < sizeof(ULONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        status = CapArm(*(PULONG)Irp->AssociatedIrp.SystemBuffer);
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

NTSTATUS CapCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID CapUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\CapBuf");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
    CapCleanup();
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\CapBuf");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\CapBuf");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = CapCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = CapCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = CapDeviceControl;
    DriverObject->DriverUnload = CapUnload;
    return STATUS_SUCCESS;
}
