/* XlatTbl.sys - loads a byte translation table (must be a permutation). */
#include <ntddk.h>

#define IOCTL_XLAT_LOAD CTL_CODE(FILE_DEVICE_UNKNOWN, 0x8A0, METHOD_BUFFERED, FILE_WRITE_ACCESS)

#define XLAT_TABLE_SIZE 256
#define XLAT_TAG        'tlXT'
static PUCHAR g_Table;
static FAST_MUTEX g_TableLock;

static VOID XlatInit(PDRIVER_OBJECT DriverObject)
{
    UNREFERENCED_PARAMETER(DriverObject);
    ExInitializeFastMutex(&g_TableLock);
}

static VOID XlatCleanup(VOID)
{
    if (g_Table != NULL)
        ExFreePoolWithTag(g_Table, XLAT_TAG);
}

static BOOLEAN XlatIsPermutation(const UCHAR *Table)
{
    UCHAR seen[XLAT_TABLE_SIZE];
    ULONG i;
    RtlZeroMemory(seen, sizeof(seen));
    for (i = 0; i < XLAT_TABLE_SIZE; i++) {
        if (seen[Table[i]])
            return FALSE;
        seen[Table[i]] = 1;
    }
    return TRUE;
}

static NTSTATUS XlatLoad(PVOID Input, ULONG InputLength)
{
    PUCHAR table, old;
    NTSTATUS status;
    if (InputLength != XLAT_TABLE_SIZE)
        return STATUS_INVALID_PARAMETER;
    table = (PUCHAR)ExAllocatePoolWithTag(NonPagedPoolNx, XLAT_TABLE_SIZE, XLAT_TAG);
    if (table == NULL)
        return STATUS_INSUFFICIENT_RESOURCES;
    RtlCopyMemory(table, Input, XLAT_TABLE_SIZE);

    if (!XlatIsPermutation(table)) {
        status = STATUS_INVALID_PARAMETER;
        goto Exit;
    }
    ExAcquireFastMutex(&g_TableLock);
    old = g_Table;
    g_Table = table;
    ExReleaseFastMutex(&g_TableLock);
    if (old != NULL)
        ExFreePoolWithTag(old, XLAT_TAG);
    return STATUS_SUCCESS;

Exit:
    ExFreePoolWithTag(table, XLAT_TAG);
    return status;
}

NTSTATUS XlatDeviceControl(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    PIO_STACK_LOCATION irpSp = IoGetCurrentIrpStackLocation(Irp);
    NTSTATUS status;
    UNREFERENCED_PARAMETER(DeviceObject);
    if (irpSp->Parameters.DeviceIoControl.IoControlCode == IOCTL_XLAT_LOAD)
        status = XlatLoad(Irp->AssociatedIrp.SystemBuffer,
                          irpSp->Parameters.DeviceIoControl.InputBufferLength);
    else
        status = STATUS_INVALID_DEVICE_REQUEST;
    Irp->IoStatus.Status = status;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}

NTSTATUS XlatCreateClose(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
    UNREFERENCED_PARAMETER(DeviceObject);
    Irp->IoStatus.Status = STATUS_SUCCESS;
    Irp->IoStatus.Information = 0;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return STATUS_SUCCESS;
}

VOID XlatUnload(PDRIVER_OBJECT DriverObject)
{
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\XlatTbl");
    IoDeleteSymbolicLink(&link);
    IoDeleteDevice(DriverObject->DeviceObject);
    XlatCleanup();
}

NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
    UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\XlatTbl");
    UNICODE_STRING link = RTL_CONSTANT_STRING(L"\\DosDevices\\XlatTbl");
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
    DriverObject->MajorFunction[IRP_MJ_CREATE] = XlatCreateClose;
    DriverObject->MajorFunction[IRP_MJ_CLOSE] = XlatCreateClose;
    DriverObject->MajorFunction[IRP_MJ_DEVICE_CONTROL] = XlatDeviceControl;
    XlatInit(DriverObject);
    DriverObject->DriverUnload = XlatUnload;
    return STATUS_SUCCESS;
}
