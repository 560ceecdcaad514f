/* SlotMgr.sys - exposes the state of hardware arbitration slots. */
#include <ntddk.h>

#define IOCTL_SLOT_QUERY CTL_CODE(FILE_DEVICE_UNKNOWN, 0x8C0, METHOD_BUFFERED, FILE_READ_ACCESS)
#define IOCTL_SLOT_SET   CTL_CODE(FILE_DEVICE_UNKNOWN, 0x8C1, METHOD_BUFFERED, FILE_WRITE_ACCESS)

#define MAX_SLOTS 16

typedef struct _SLOT_INFO {
    ULONG Id;
    ULONG State;
    ULONGLONG OwnerTag;
} SLOT_INFO, *PSLOT_INFO;

static SLOT_INFO g_Slots[MAX_SLOTS];
static KSPIN_LOCK g_SlotLock;

static VOID SlotInit(PDRIVER_OBJECT DriverObject)
{
    ULONG i;
    UNREFERENCED_PARAMETER(DriverObject);
    KeInitializeSpinLock(&g_SlotLock);
    for (i = 0; i < MAX_SLOTS; i++)
        g_Slots[i].Id = i;
}

NTSTATUS SlotDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    ULONG inLen = irpSp->Parameters.DeviceIoControl.InputBufferLength;
    ULONG outLen = irpSp->Parameters.DeviceIoControl.OutputBufferLength;
    PVOID buffer = Irp->AssociatedIrp.SystemBuffer;
    PULONG set = (PULONG)buffer;     /* SET input: { Index, State } */
    NTSTATUS status = STATUS_SUCCESS;
    ULONG_PTR info = 0;
    SLOT_INFO snapshot;
    ULONG index;
    KIRQL irql;

    UNREFERENCED_PARAMETER(DeviceObject);
    switch (irpSp->Parameters.DeviceIoControl.IoControlCode) {
    case IOCTL_SLOT_QUERY:
        if (inLen < sizeof(ULONG) || outLen < sizeof(SLOT_INFO)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        index = *(PULONG)buffer;
        KeAcquireSpinLock(&g_SlotLock, &irql);
        snapshot = g_Slots[index]; // expect-warning: CWE-129
        KeReleaseSpinLock(&g_SlotLock, irql);
        RtlCopyMemory(buffer, &snapshot, sizeof(snapshot));
        info = sizeof(SLOT_INFO);
        break;
    case IOCTL_SLOT_SET:
        if (inLen < 2 * sizeof(ULONG)) {
            status = STATUS_BUFFER_TOO_SMALL;
            break;
        }
        if (set[0] >= MAX_SLOTS) {
            status = STATUS_INVALID_PARAMETER;
            break;
        }
        KeAcquireSpinLock(&g_SlotLock, &irql);
        g_Slots[set[0]].State = set[1];
        g_Slots[set[0]].OwnerTag = (ULONGLONG)(ULONG_PTR)PsGetCurrentProcessId();
        KeReleaseSpinLock(&g_SlotLock, irql);
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

NTSTATUS SlotCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID SlotUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\SlotMgr");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\SlotMgr");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\SlotMgr");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = SlotCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = SlotCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = SlotDeviceControl;
    SlotInit(DriverObject);
    DriverObject->DriverUnload = SlotUnload;
    return STATUS_SUCCESS;
}
