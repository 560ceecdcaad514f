/* memsafe bundled Windows kernel prelude: the types, constants and prototypes of the WDM/NTDDK/KMDF
 * APIs that driver code needs to parse and that the analysis models, written from Microsoft's public
 * documentation (no WDK header is copied). Served for <ntddk.h>, <wdm.h>, <ntifs.h>, <wdf.h>, ...
 * when no real header is found, so a driver scans on any machine without a WDK. Integer types
 * follow the Windows models: ULONG and LONG are 4 bytes, the _PTR types and SIZE_T are pointer-sized
 * (8 bytes under LLP64, 4 under ILP32: memsafe parses units that include this file as LLP64 unless
 * their flags say otherwise). The semantics of the functions
 * come from the analysis's kernel models, not from here. */
#ifndef MEMSAFE_KERNEL_WINDOWS_H
#define MEMSAFE_KERNEL_WINDOWS_H

#include <stddef.h>
#include <string.h>

#define __MEMSAFE_KERNEL_WINDOWS__ 1
#if __SIZEOF_POINTER__ == 8
#define _WIN64 1
#define _AMD64_ 1
#else
#define _X86_ 1
#endif
#define _KERNEL_MODE 1

/* ---- compiler extensions and SAL annotations: parsed and dropped (the models carry the sizes) */
#define __declspec(x)
#define __forceinline inline
#define __inline inline
#define __stdcall
#define __cdecl
#define __fastcall
#define __ptr64
#define __unaligned
#define __int64 long long
#define __int32 int
#define __int16 short
#define __int8 char
#define __alignof(t) __alignof__(t)
/* __leave leaves the __try block: a break out of a switch that runs the block once (a break meant for a
 * loop around the __try, rare in drivers, leaves the block only) */
/* the constant names the statement a __try guards: the front end records its extent (an exception a
 * bad user address raises there is caught) */
enum { __memsafe_seh_try = 1 };
#define __try if (__memsafe_seh_try) switch (0) default:
#define __except(filter) else if (0)
#define __finally if (1)
#define __leave break
#ifndef __cplusplus
/* excpt.h: C drivers may spell structured exception handling without underscores */
#define try __try
#define except __except
#define finally __finally
#define leave __leave
#endif
#define NTAPI
#define NTSYSAPI
#define NTKERNELAPI
#define NTSYSCALLAPI
#define WINAPI
#define FORCEINLINE inline
#define DECLSPEC_ALIGN(x)
#define DECLSPEC_NOINLINE
#define DECLSPEC_NORETURN
#define DECLSPEC_IMPORT
#define POINTER_ALIGNMENT
#define EXTERN_C extern
#define IN
#define OUT
#define OPTIONAL
#define CONST const
#define VOID void
#define _In_
#define _In_opt_
#define _Out_
#define _Out_opt_
#define _Inout_
#define _Inout_opt_
#define _In_z_
#define _In_opt_z_
#define _Outptr_
#define _Outptr_opt_
#define _Outptr_result_maybenull_
#define _Outptr_result_nullonfailure_
#define _Outptr_result_buffer_(n)
#define _Outptr_result_bytebuffer_(n)
#define _Outptr_opt_result_maybenull_
#define _Out_writes_(n)
#define _Out_writes_opt_(n)
#define _Out_writes_bytes_(n)
#define _Out_writes_bytes_opt_(n)
#define _Out_writes_to_(n, c)
#define _Out_writes_bytes_to_(n, c)
#define _Out_writes_bytes_to_opt_(n, c)
#define _Out_writes_bytes_all_(n)
#define _In_reads_(n)
#define _In_reads_opt_(n)
#define _In_reads_bytes_(n)
#define _In_reads_bytes_opt_(n)
#define _In_reads_z_(n)
#define _In_reads_or_z_(n)
#define _Inout_updates_(n)
#define _Inout_updates_opt_(n)
#define _Inout_updates_bytes_(n)
#define _Inout_updates_bytes_opt_(n)
#define _Field_size_(n)
#define _Field_size_opt_(n)
#define _Field_size_bytes_(n)
#define _Field_size_bytes_opt_(n)
#define _Field_size_part_(n, c)
#define _Field_size_bytes_part_(n, c)
#define _Field_range_(a, b)
#define _Field_z_
#define _Struct_size_bytes_(n)
#define _Ret_
#define _Ret_maybenull_
#define _Ret_notnull_
#define _Ret_range_(a, b)
#define _Ret_writes_bytes_(n)
#define _Ret_writes_bytes_maybenull_(n)
#define _Post_writable_byte_size_(n)
#define _Post_maybenull_
#define _Post_notnull_
#define _Post_invalid_
#define _Post_ptr_invalid_
#define _Post_satisfies_(e)
#define _Pre_satisfies_(e)
#define _Pre_notnull_
#define _Pre_maybenull_
#define _Null_terminated_
#define _NullNull_terminated_
#define _Notnull_
#define _Maybenull_
#define _Reserved_
#define _Frees_ptr_
#define _Frees_ptr_opt_
#define _Success_(e)
#define _Check_return_
#define _Must_inspect_result_
#define _Use_decl_annotations_
#define _Analysis_assume_(e)
#define _Analysis_mode_(m)
#define _When_(c, a)
#define _At_(t, a)
#define _At_buffer_(t, i, n, a)
#define _Function_class_(n)
#define _Dispatch_type_(t)
#define _Kernel_float_used_
#define _Kernel_requires_resource_held_(r)
#define _Kernel_clear_do_init_(x)
#define _Kernel_IoGetDmaAdapter_
#define _IRQL_requires_(x)
#define _IRQL_requires_max_(x)
#define _IRQL_requires_min_(x)
#define _IRQL_requires_same_
#define _IRQL_raises_(x)
#define _IRQL_saves_
#define _IRQL_restores_
#define _IRQL_saves_global_(k, p)
#define _IRQL_restores_global_(k, p)
#define _IRQL_always_function_min_(x)
#define _IRQL_always_function_max_(x)
#define _IRQL_uses_cancel_
#define _IRQL_is_cancel_
#define _Requires_lock_held_(l)
#define _Requires_lock_not_held_(l)
#define _Acquires_lock_(l)
#define _Releases_lock_(l)
#define _Acquires_exclusive_lock_(l)
#define _Releases_exclusive_lock_(l)
#define _Acquires_shared_lock_(l)
#define _Releases_shared_lock_(l)
#define _Guarded_by_(l)
#define _Interlocked_
#define _Interlocked_operand_
#define _Literal_
#define _Strict_type_match_
#define _Points_to_data_
#define _Printf_format_string_
#define _Inexpressible_(x)
#define _Pre_
#define _Post_
#define _Deref_out_
#define _Deref_pre_maybenull_
#define _Deref_post_maybenull_
#define _Deref_out_range_(a, b)
#define _Out_range_(a, b)
#define _In_range_(a, b)
#define _Unreferenced_parameter_
#define _Releases_resource_(r)
#define _Acquires_resource_(r)
#define __drv_dispatchType(t)
#define __drv_dispatchType_other
#define __drv_allocatesMem(k)
#define __drv_freesMem(k)
#define __drv_aliasesMem
#define __drv_when(c, a)
#define __drv_maxIRQL(x)
#define __drv_minIRQL(x)
#define __drv_requiresIRQL(x)
#define __drv_setsIRQL(x)
#define __drv_savesIRQL
#define __drv_restoresIRQL
#define __drv_strictTypeMatch(m)
#define __drv_isObjectPointer
#define __drv_inTry
#define __drv_notInTry
#define __drv_functionClass(n)
#define __drv_sameIRQL
#define __drv_mustHold(r)
#define __drv_neverHold(r)
#define __drv_valueIs(x)
#define __drv_reportError(x)
#define __drv_preferredFunction(f, r)
#define __in
#define __out
#define __inout
#define __in_opt
#define __out_opt
#define __inout_opt
#define __in_bcount(n)
#define __out_bcount(n)
#define __in_ecount(n)
#define __out_ecount(n)
#define __user
#define UNREFERENCED_PARAMETER(p) ((void)(p))
#define UNREFERENCED_LOCAL_VARIABLE(v) ((void)(v))
#define DBG_UNREFERENCED_PARAMETER(p) ((void)(p))
#define DBG_UNREFERENCED_LOCAL_VARIABLE(v) ((void)(v))
#define PAGED_CODE()
#define PAGED_CODE_LOCKED()
#define NT_ASSERT(e) ((void)0)
#define NT_ASSERTMSG(m, e) ((void)0)
#define ASSERT(e) ((void)0)
#define ASSERTMSG(m, e) ((void)0)
#define C_ASSERT(e)
#define ARGUMENT_PRESENT(p) ((p) != NULL)
#define ALLOC_PRAGMA_NOT_USED 1

/* ---- basic types (LLP64) */
typedef void *PVOID, **PPVOID;
typedef const void *PCVOID;
typedef char CHAR, *PCHAR, *PSTR, *LPSTR;
typedef const char *PCSTR, *LPCSTR, *PCSZ;
typedef unsigned char UCHAR, *PUCHAR, BYTE, *PBYTE, BOOLEAN, *PBOOLEAN;
typedef short SHORT, *PSHORT, CSHORT;
typedef unsigned short USHORT, *PUSHORT, WORD, WCHAR, *PWCHAR, *PWSTR, *LPWSTR;
typedef const unsigned short *PCWSTR, *LPCWSTR;
typedef int INT, *PINT, LONG, *PLONG, BOOL, NTSTATUS, *PNTSTATUS;
typedef unsigned int UINT, *PUINT, ULONG, *PULONG, DWORD, *PDWORD, UINT32, *PUINT32, ULONG32, DWORD32;
typedef int INT32, LONG32;
typedef long long LONGLONG, *PLONGLONG, LONG64, *PLONG64, INT64, *PINT64;
typedef __INTPTR_TYPE__ LONG_PTR, *PLONG_PTR, INT_PTR, SSIZE_T;
typedef unsigned long long ULONGLONG, *PULONGLONG, ULONG64, *PULONG64, DWORD64, UINT64, *PUINT64;
typedef __UINTPTR_TYPE__ ULONG_PTR, *PULONG_PTR, UINT_PTR, DWORD_PTR, SIZE_T, *PSIZE_T, KAFFINITY;
typedef unsigned char UINT8, *PUINT8;
typedef signed char INT8;
typedef unsigned short UINT16, *PUINT16;
typedef short INT16;
typedef char CCHAR;
typedef UCHAR KIRQL, *PKIRQL;
typedef CHAR KPROCESSOR_MODE;
typedef LONG KPRIORITY;
typedef ULONG ACCESS_MASK, *PACCESS_MASK;
typedef ULONG DEVICE_TYPE;
typedef ULONG LOGICAL;
typedef void *HANDLE, **PHANDLE;
typedef ULONG_PTR ERESOURCE_THREAD;
typedef union _LARGE_INTEGER { struct { ULONG LowPart; LONG HighPart; } u; LONGLONG QuadPart; } LARGE_INTEGER, *PLARGE_INTEGER;
typedef union _ULARGE_INTEGER { struct { ULONG LowPart; ULONG HighPart; } u; ULONGLONG QuadPart; } ULARGE_INTEGER, *PULARGE_INTEGER;
typedef LARGE_INTEGER PHYSICAL_ADDRESS, *PPHYSICAL_ADDRESS;
typedef struct _GUID { ULONG Data1; USHORT Data2; USHORT Data3; UCHAR Data4[8]; } GUID, *PGUID, *LPGUID;
typedef const GUID *LPCGUID;
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) const GUID name = { l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } }
#define TRUE 1
#define FALSE 0
#define MAXULONG 0xffffffffu
#define MAXLONG 0x7fffffff
#define MAXUSHORT 0xffff
#define MAXUCHAR 0xff
#define MAXSIZE_T ((SIZE_T)~((SIZE_T)0))
#define MAXULONG_PTR (~((ULONG_PTR)0))
#define MAXULONGLONG (~((ULONGLONG)0))
#define PAGE_SIZE 0x1000
#define ANYSIZE_ARRAY 1

typedef struct _LIST_ENTRY { struct _LIST_ENTRY *Flink; struct _LIST_ENTRY *Blink; } LIST_ENTRY, *PLIST_ENTRY;
typedef struct _SINGLE_LIST_ENTRY { struct _SINGLE_LIST_ENTRY *Next; } SINGLE_LIST_ENTRY, *PSINGLE_LIST_ENTRY;
typedef struct _UNICODE_STRING { USHORT Length; USHORT MaximumLength; PWSTR Buffer; } UNICODE_STRING, *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;
typedef struct _STRING { USHORT Length; USHORT MaximumLength; PCHAR Buffer; } STRING, *PSTRING, ANSI_STRING, *PANSI_STRING;
typedef const STRING *PCSTRING, *PCANSI_STRING;
#define DECLARE_CONST_UNICODE_STRING(n, s) const UNICODE_STRING n = { sizeof(s) - 2, sizeof(s), (PWSTR)(s) }
#define RTL_CONSTANT_STRING(s) { sizeof(s) - sizeof((s)[0]), sizeof(s), (PWSTR)(s) }

/* address computations: CONTAINING_RECORD and FIELD_OFFSET compute addresses, they read nothing */
#define FIELD_OFFSET(type, field) ((LONG)__builtin_offsetof(type, field))
#define UFIELD_OFFSET(type, field) ((ULONG)__builtin_offsetof(type, field))
#define RTL_FIELD_SIZE(type, field) (sizeof(((type *)0)->field))
#define RTL_SIZEOF_THROUGH_FIELD(type, field) (FIELD_OFFSET(type, field) + RTL_FIELD_SIZE(type, field))
#define CONTAINING_RECORD(address, type, field) ((type *)__memsafe_containing_record((PVOID)(address), __builtin_offsetof(type, field)))
#define RTL_NUMBER_OF(a) (sizeof(a) / sizeof((a)[0]))
#define ARRAYSIZE(a) RTL_NUMBER_OF(a)
#define _countof(a) RTL_NUMBER_OF(a)
#define ALIGN_UP_BY(len, a) (((ULONG_PTR)(len) + (a) - 1) & ~((ULONG_PTR)(a) - 1))
#define ALIGN_DOWN_BY(len, a) ((ULONG_PTR)(len) & ~((ULONG_PTR)(a) - 1))
#define max(a, b) (((a) > (b)) ? (a) : (b))
#define min(a, b) (((a) < (b)) ? (a) : (b))
void *__memsafe_containing_record(void *address, unsigned long offset);

/* ---- status codes */
#define NT_SUCCESS(s) (((NTSTATUS)(s)) >= 0)
#define STATUS_SUCCESS ((NTSTATUS)0x00000000)
#define STATUS_PENDING ((NTSTATUS)0x00000103)
#define STATUS_MORE_ENTRIES ((NTSTATUS)0x00000105)
#define STATUS_BUFFER_OVERFLOW ((NTSTATUS)0x80000005)
#define STATUS_NO_MORE_ENTRIES ((NTSTATUS)0x8000001A)
#define STATUS_UNSUCCESSFUL ((NTSTATUS)0xC0000001)
#define STATUS_NOT_IMPLEMENTED ((NTSTATUS)0xC0000002)
#define STATUS_INVALID_INFO_CLASS ((NTSTATUS)0xC0000003)
#define STATUS_INFO_LENGTH_MISMATCH ((NTSTATUS)0xC0000004)
#define STATUS_ACCESS_VIOLATION ((NTSTATUS)0xC0000005)
#define STATUS_INVALID_HANDLE ((NTSTATUS)0xC0000008)
#define STATUS_INVALID_PARAMETER ((NTSTATUS)0xC000000D)
#define STATUS_NO_SUCH_DEVICE ((NTSTATUS)0xC000000E)
#define STATUS_INVALID_DEVICE_REQUEST ((NTSTATUS)0xC0000010)
#define STATUS_END_OF_FILE ((NTSTATUS)0xC0000011)
#define STATUS_NO_MEMORY ((NTSTATUS)0xC0000017)
#define STATUS_ACCESS_DENIED ((NTSTATUS)0xC0000022)
#define STATUS_BUFFER_TOO_SMALL ((NTSTATUS)0xC0000023)
#define STATUS_OBJECT_NAME_NOT_FOUND ((NTSTATUS)0xC0000034)
#define STATUS_INSUFFICIENT_RESOURCES ((NTSTATUS)0xC000009A)
#define STATUS_DEVICE_NOT_READY ((NTSTATUS)0xC00000A3)
#define STATUS_NOT_SUPPORTED ((NTSTATUS)0xC00000BB)
#define STATUS_INVALID_BUFFER_SIZE ((NTSTATUS)0xC0000206)
#define STATUS_CANCELLED ((NTSTATUS)0xC0000120)
#define STATUS_DELETE_PENDING ((NTSTATUS)0xC0000056)
#define STATUS_INTEGER_OVERFLOW ((NTSTATUS)0xC0000095)
#define STATUS_INVALID_INDEX ((NTSTATUS)0xC0000192)
#define STATUS_NOT_FOUND ((NTSTATUS)0xC0000225)
#define STATUS_DEVICE_BUSY ((NTSTATUS)0x80000011)
#define STATUS_TIMEOUT ((NTSTATUS)0x00000102)
#define STATUS_INVALID_DEVICE_STATE ((NTSTATUS)0xC0000184)
#define STATUS_DATA_ERROR ((NTSTATUS)0xC000003E)
#define STATUS_INVALID_USER_BUFFER ((NTSTATUS)0xC00000E8)
#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_CONTINUE_SEARCH 0
NTSTATUS GetExceptionCode(void);
void *GetExceptionInformation(void);

/* ---- I/O control codes: the method is the low two bits */
#define CTL_CODE(DeviceType, Function, Method, Access) (((DeviceType) << 16) | ((Access) << 14) | ((Function) << 2) | (Method))
#define METHOD_FROM_CTL_CODE(c) ((ULONG)((c) & 3))
#define DEVICE_TYPE_FROM_CTL_CODE(c) (((ULONG)(c) & 0xffff0000) >> 16)
#define METHOD_BUFFERED 0
#define METHOD_IN_DIRECT 1
#define METHOD_OUT_DIRECT 2
#define METHOD_NEITHER 3
#define FILE_ANY_ACCESS 0
#define FILE_READ_ACCESS 1
#define FILE_WRITE_ACCESS 2
#define FILE_READ_DATA 1
#define FILE_WRITE_DATA 2
#define FILE_DEVICE_UNKNOWN 0x00000022
#define FILE_DEVICE_SECURE_OPEN 0x00000100
#define FILE_DEVICE_CONTROLLER 0x00000004
#define FILE_DEVICE_KEYBOARD 0x0000000b
#define FILE_DEVICE_MOUSE 0x0000000f

#define IRP_MJ_CREATE 0x00
#define IRP_MJ_CREATE_NAMED_PIPE 0x01
#define IRP_MJ_CLOSE 0x02
#define IRP_MJ_READ 0x03
#define IRP_MJ_WRITE 0x04
#define IRP_MJ_QUERY_INFORMATION 0x05
#define IRP_MJ_SET_INFORMATION 0x06
#define IRP_MJ_FLUSH_BUFFERS 0x09
#define IRP_MJ_DEVICE_CONTROL 0x0e
#define IRP_MJ_INTERNAL_DEVICE_CONTROL 0x0f
#define IRP_MJ_SHUTDOWN 0x10
#define IRP_MJ_CLEANUP 0x12
#define IRP_MJ_POWER 0x16
#define IRP_MJ_SYSTEM_CONTROL 0x17
#define IRP_MJ_PNP 0x1b
#define IRP_MJ_MAXIMUM_FUNCTION 0x1b
#define IO_NO_INCREMENT 0
#define DO_BUFFERED_IO 0x00000004
#define DO_DIRECT_IO 0x00000010
#define DO_DEVICE_INITIALIZING 0x00000080

/* ---- pool */
typedef enum _POOL_TYPE { NonPagedPool = 0, NonPagedPoolExecute = 0, PagedPool = 1, NonPagedPoolMustSucceed = 2,
    NonPagedPoolCacheAligned = 4, PagedPoolCacheAligned = 5, NonPagedPoolNx = 512, PagedPoolSession = 33,
    NonPagedPoolSession = 32, NonPagedPoolNxCacheAligned = 516 } POOL_TYPE;
typedef enum _EX_POOL_PRIORITY { LowPoolPriority, NormalPoolPriority = 16, HighPoolPriority = 32 } EX_POOL_PRIORITY;
#define POOL_QUOTA_FAIL_INSTEAD_OF_RAISE 8
typedef ULONG64 POOL_FLAGS;
#define POOL_FLAG_UNINITIALIZED 0x0000000000000002ULL
#define POOL_FLAG_CACHE_ALIGNED 0x0000000000000004ULL
#define POOL_FLAG_RAISE_ON_FAILURE 0x0000000000000020ULL
#define POOL_FLAG_NON_PAGED 0x0000000000000040ULL
#define POOL_FLAG_NON_PAGED_EXECUTE 0x0000000000000080ULL
#define POOL_FLAG_PAGED 0x0000000000000100ULL
PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
PVOID ExAllocatePoolZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
PVOID ExAllocatePoolUninitialized(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
PVOID ExAllocatePoolQuotaZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
PVOID ExAllocatePoolQuotaUninitialized(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
PVOID ExAllocatePoolPriorityZero(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag, EX_POOL_PRIORITY Priority);
PVOID ExAllocatePoolPriorityUninitialized(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag, EX_POOL_PRIORITY Priority);
PVOID ExAllocatePoolWithQuotaTag(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag);
PVOID ExAllocatePool(POOL_TYPE PoolType, SIZE_T NumberOfBytes);
PVOID ExAllocatePool2(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag);
PVOID ExAllocatePool3(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag, PVOID ExtendedParameters, ULONG ExtendedParametersCount);
void ExFreePoolWithTag(PVOID P, ULONG Tag);
void ExFreePool(PVOID P);
void ExFreePool2(PVOID P, ULONG Tag, PVOID ExtendedParameters, ULONG ExtendedParametersCount);

/* ---- memory (the Rtl memory macros are the C library's functions, as in the WDK) */
/* byte-order swaps: a field of a big-endian wire format (a packet, a descriptor) in host order */
USHORT RtlUshortByteSwap(USHORT x);
ULONG RtlUlongByteSwap(ULONG x);
ULONGLONG RtlUlonglongByteSwap(ULONGLONG x);
unsigned short _byteswap_ushort(unsigned short x);
unsigned long _byteswap_ulong(unsigned long x);
unsigned long long _byteswap_uint64(unsigned long long x);
#define RtlCopyMemory(d, s, n) memcpy((d), (s), (n))
#define RtlMoveMemory(d, s, n) memmove((d), (s), (n))
#define RtlFillMemory(d, n, f) memset((d), (f), (n))
#define RtlZeroMemory(d, n) memset((d), 0, (n))
#define RtlSecureZeroMemory(d, n) memset((d), 0, (n))
#define RtlEqualMemory(a, b, n) (!memcmp((a), (b), (n)))
#define RtlCopyBytes RtlCopyMemory
#define RtlZeroBytes RtlZeroMemory
SIZE_T RtlCompareMemory(const void *Source1, const void *Source2, SIZE_T Length);
void ProbeForRead(const volatile void *Address, SIZE_T Length, ULONG Alignment);
void ProbeForWrite(volatile void *Address, SIZE_T Length, ULONG Alignment);

/* ---- safe integer arithmetic (ntintsafe.h): *Result is set only when the operation fits */
NTSTATUS RtlULongAdd(ULONG a, ULONG b, ULONG *r);
NTSTATUS RtlULongSub(ULONG a, ULONG b, ULONG *r);
NTSTATUS RtlULongMult(ULONG a, ULONG b, ULONG *r);
NTSTATUS RtlSizeTAdd(SIZE_T a, SIZE_T b, SIZE_T *r);
NTSTATUS RtlSizeTSub(SIZE_T a, SIZE_T b, SIZE_T *r);
NTSTATUS RtlSizeTMult(SIZE_T a, SIZE_T b, SIZE_T *r);
NTSTATUS RtlULongLongAdd(ULONGLONG a, ULONGLONG b, ULONGLONG *r);
NTSTATUS RtlULongLongMult(ULONGLONG a, ULONGLONG b, ULONGLONG *r);
NTSTATUS RtlUShortAdd(USHORT a, USHORT b, USHORT *r);
NTSTATUS RtlULongToUShort(ULONG a, USHORT *r);
NTSTATUS RtlSizeTToULong(SIZE_T a, ULONG *r);
NTSTATUS RtlULongPtrAdd(ULONG_PTR a, ULONG_PTR b, ULONG_PTR *r);

/* ---- strings (ntstrsafe.h) */
void RtlInitUnicodeString(PUNICODE_STRING Destination, PCWSTR Source);
void RtlInitAnsiString(PANSI_STRING Destination, PCSTR Source);
void RtlCopyUnicodeString(PUNICODE_STRING Destination, PCUNICODE_STRING Source);
NTSTATUS RtlAppendUnicodeStringToString(PUNICODE_STRING Destination, PCUNICODE_STRING Source);
NTSTATUS RtlAppendUnicodeToString(PUNICODE_STRING Destination, PCWSTR Source);
LONG RtlCompareUnicodeString(PCUNICODE_STRING a, PCUNICODE_STRING b, BOOLEAN CaseInSensitive);
BOOLEAN RtlEqualUnicodeString(PCUNICODE_STRING a, PCUNICODE_STRING b, BOOLEAN CaseInSensitive);
void RtlFreeUnicodeString(PUNICODE_STRING s);
void RtlFreeAnsiString(PANSI_STRING s);
BOOLEAN RtlCreateUnicodeString(PUNICODE_STRING DestinationString, PCWSTR SourceString);
#define RTL_DUPLICATE_UNICODE_STRING_NULL_TERMINATE 1
#define RTL_DUPLICATE_UNICODE_STRING_ALLOCATE_NULL_STRING 2
NTSTATUS RtlDuplicateUnicodeString(ULONG Flags, PCUNICODE_STRING StringIn, PUNICODE_STRING StringOut);
NTSTATUS RtlAnsiStringToUnicodeString(PUNICODE_STRING DestinationString, PCANSI_STRING SourceString, BOOLEAN AllocateDestinationString);
NTSTATUS RtlUpcaseUnicodeString(PUNICODE_STRING DestinationString, PCUNICODE_STRING SourceString, BOOLEAN AllocateDestinationString);
NTSTATUS RtlDowncaseUnicodeString(PUNICODE_STRING DestinationString, PCUNICODE_STRING SourceString, BOOLEAN AllocateDestinationString);
NTSTATUS RtlUnicodeStringToAnsiString(PANSI_STRING d, PCUNICODE_STRING s, BOOLEAN Allocate);
NTSTATUS RtlStringCbCopyA(PSTR d, SIZE_T cb, PCSTR s);
NTSTATUS RtlStringCbCopyW(PWSTR d, SIZE_T cb, PCWSTR s);
NTSTATUS RtlStringCchCopyA(PSTR d, SIZE_T cch, PCSTR s);
NTSTATUS RtlStringCchCopyW(PWSTR d, SIZE_T cch, PCWSTR s);
NTSTATUS RtlStringCbCopyNA(PSTR d, SIZE_T cb, PCSTR s, SIZE_T n);
NTSTATUS RtlStringCbCopyNW(PWSTR d, SIZE_T cb, PCWSTR s, SIZE_T n);
NTSTATUS RtlStringCchCopyNW(PWSTR d, SIZE_T cch, PCWSTR s, SIZE_T n);
NTSTATUS RtlStringCbCatA(PSTR d, SIZE_T cb, PCSTR s);
NTSTATUS RtlStringCbCatW(PWSTR d, SIZE_T cb, PCWSTR s);
NTSTATUS RtlStringCchCatW(PWSTR d, SIZE_T cch, PCWSTR s);
NTSTATUS RtlStringCbPrintfA(PSTR d, SIZE_T cb, PCSTR fmt, ...);
NTSTATUS RtlStringCbPrintfW(PWSTR d, SIZE_T cb, PCWSTR fmt, ...);
NTSTATUS RtlStringCchPrintfA(PSTR d, SIZE_T cch, PCSTR fmt, ...);
NTSTATUS RtlStringCchPrintfW(PWSTR d, SIZE_T cch, PCWSTR fmt, ...);
NTSTATUS RtlStringCbLengthA(PCSTR s, SIZE_T cbMax, SIZE_T *len);
NTSTATUS RtlStringCbLengthW(PCWSTR s, SIZE_T cbMax, SIZE_T *len);
NTSTATUS RtlStringCchLengthW(PCWSTR s, SIZE_T cchMax, SIZE_T *len);
#define RtlStringCbCopy RtlStringCbCopyW
#define RtlStringCchCopy RtlStringCchCopyW
#define RtlStringCbPrintf RtlStringCbPrintfW
#define RtlStringCchPrintf RtlStringCchPrintfW

/* ---- lists: inline functions in the WDK, written here as the WDK documents them */
static inline void InitializeListHead(PLIST_ENTRY h) { h->Flink = h->Blink = h; }
static inline BOOLEAN IsListEmpty(const LIST_ENTRY *h) { return (BOOLEAN)(h->Flink == h); }
static inline BOOLEAN RemoveEntryList(PLIST_ENTRY e) {
    PLIST_ENTRY f = e->Flink, b = e->Blink;
    b->Flink = f; f->Blink = b;
    return (BOOLEAN)(f == b);
}
static inline PLIST_ENTRY RemoveHeadList(PLIST_ENTRY h) {
    PLIST_ENTRY e = h->Flink, f = e->Flink;
    h->Flink = f; f->Blink = h;
    return e;
}
static inline PLIST_ENTRY RemoveTailList(PLIST_ENTRY h) {
    PLIST_ENTRY e = h->Blink, b = e->Blink;
    h->Blink = b; b->Flink = h;
    return e;
}
static inline void InsertTailList(PLIST_ENTRY h, PLIST_ENTRY e) {
    PLIST_ENTRY b = h->Blink;
    e->Flink = h; e->Blink = b; b->Flink = e; h->Blink = e;
}
static inline void InsertHeadList(PLIST_ENTRY h, PLIST_ENTRY e) {
    PLIST_ENTRY f = h->Flink;
    e->Flink = f; e->Blink = h; f->Blink = e; h->Flink = e;
}
PLIST_ENTRY ExInterlockedInsertTailList(PLIST_ENTRY h, PLIST_ENTRY e, void *lock);
PLIST_ENTRY ExInterlockedInsertHeadList(PLIST_ENTRY h, PLIST_ENTRY e, void *lock);
PLIST_ENTRY ExInterlockedRemoveHeadList(PLIST_ENTRY h, void *lock);

/* ---- objects, IRPs and stack locations (fields as documented; layout is this prelude's own) */
struct _DEVICE_OBJECT;
struct _DRIVER_OBJECT;
struct _IRP;
struct _FILE_OBJECT;
typedef struct _MDL { struct _MDL *Next; CSHORT Size; CSHORT MdlFlags; PVOID MappedSystemVa; PVOID StartVa; ULONG ByteCount; ULONG ByteOffset; } MDL, *PMDL;
typedef struct _IO_STATUS_BLOCK { union { NTSTATUS Status; PVOID Pointer; }; ULONG_PTR Information; } IO_STATUS_BLOCK, *PIO_STATUS_BLOCK;
typedef struct _KEVENT { LONG Header[6]; } KEVENT, *PKEVENT, *PRKEVENT;
typedef struct _KSPIN_LOCK_QUEUE { PVOID Next; PVOID Lock; } KSPIN_LOCK_QUEUE;
typedef ULONG_PTR KSPIN_LOCK, *PKSPIN_LOCK;
typedef struct _KDPC { ULONG_PTR Data[8]; } KDPC, *PKDPC, *PRKDPC;
typedef struct _KTIMER { ULONG_PTR Data[8]; } KTIMER, *PKTIMER;
typedef struct _KMUTANT { ULONG_PTR Data[8]; } KMUTEX, *PKMUTEX, KMUTANT;
typedef struct _FAST_MUTEX { ULONG_PTR Data[8]; } FAST_MUTEX, *PFAST_MUTEX;
typedef struct _ERESOURCE { ULONG_PTR Data[16]; } ERESOURCE, *PERESOURCE;
typedef struct _KSEMAPHORE { ULONG_PTR Data[8]; } KSEMAPHORE, *PKSEMAPHORE;
typedef struct _KWAIT_BLOCK { ULONG_PTR Data[6]; } KWAIT_BLOCK, *PKWAIT_BLOCK, *PRKWAIT_BLOCK;
typedef struct _IO_REMOVE_LOCK { ULONG_PTR Data[8]; } IO_REMOVE_LOCK, *PIO_REMOVE_LOCK;
typedef struct _KAPC { ULONG_PTR Data[8]; } KAPC, *PKAPC;
typedef struct _IO_WORKITEM *PIO_WORKITEM;
typedef struct _KTHREAD *PKTHREAD, *PRKTHREAD;
typedef struct _ETHREAD *PETHREAD;
typedef struct _EPROCESS *PEPROCESS;
typedef struct _KPROCESS *PKPROCESS;
typedef struct _SECURITY_DESCRIPTOR *PSECURITY_DESCRIPTOR;
typedef struct _ACCESS_STATE *PACCESS_STATE;
typedef struct _IO_SECURITY_CONTEXT *PIO_SECURITY_CONTEXT;
typedef struct _DEVICE_CAPABILITIES *PDEVICE_CAPABILITIES;
typedef struct _CM_RESOURCE_LIST *PCM_RESOURCE_LIST;
typedef struct _OBJECT_ATTRIBUTES { ULONG Length; HANDLE RootDirectory; PUNICODE_STRING ObjectName; ULONG Attributes; PVOID SecurityDescriptor; PVOID SecurityQualityOfService; } OBJECT_ATTRIBUTES, *POBJECT_ATTRIBUTES;
#define OBJ_CASE_INSENSITIVE 0x00000040
#define OBJ_KERNEL_HANDLE 0x00000200
#define OBJ_FORCE_ACCESS_CHECK 0x00000400
#define InitializeObjectAttributes(p, n, a, r, s) do { (p)->Length = sizeof(OBJECT_ATTRIBUTES); (p)->RootDirectory = (r); (p)->Attributes = (a); (p)->ObjectName = (n); (p)->SecurityDescriptor = (s); (p)->SecurityQualityOfService = NULL; } while (0)

typedef enum _DEVICE_POWER_STATE { PowerDeviceUnspecified = 0, PowerDeviceD0, PowerDeviceD1, PowerDeviceD2, PowerDeviceD3 } DEVICE_POWER_STATE;
typedef enum _SYSTEM_POWER_STATE { PowerSystemUnspecified = 0, PowerSystemWorking, PowerSystemSleeping1 } SYSTEM_POWER_STATE;
typedef union _POWER_STATE { SYSTEM_POWER_STATE SystemState; DEVICE_POWER_STATE DeviceState; } POWER_STATE;
typedef enum _POWER_STATE_TYPE { SystemPowerState = 0, DevicePowerState } POWER_STATE_TYPE;
typedef enum _DEVICE_RELATION_TYPE { BusRelations, EjectionRelations, PowerRelations, RemovalRelations, TargetDeviceRelation } DEVICE_RELATION_TYPE;
typedef enum _BUS_QUERY_ID_TYPE { BusQueryDeviceID, BusQueryHardwareIDs, BusQueryCompatibleIDs, BusQueryInstanceID } BUS_QUERY_ID_TYPE;
typedef enum _FILE_INFORMATION_CLASS { FileBasicInformation = 4, FileStandardInformation = 5, FilePositionInformation = 14 } FILE_INFORMATION_CLASS;

typedef struct _IO_STACK_LOCATION {
    UCHAR MajorFunction;
    UCHAR MinorFunction;
    UCHAR Flags;
    UCHAR Control;
    union {
        struct { PIO_SECURITY_CONTEXT SecurityContext; ULONG Options; USHORT FileAttributes; USHORT ShareAccess; ULONG EaLength; } Create;
        struct { ULONG Length; ULONG Key; LARGE_INTEGER ByteOffset; } Read;
        struct { ULONG Length; ULONG Key; LARGE_INTEGER ByteOffset; } Write;
        struct { ULONG Length; FILE_INFORMATION_CLASS FileInformationClass; } QueryFile;
        struct { ULONG Length; FILE_INFORMATION_CLASS FileInformationClass; struct _FILE_OBJECT *FileObject; } SetFile;
        struct { ULONG OutputBufferLength; ULONG InputBufferLength; ULONG IoControlCode; PVOID Type3InputBuffer; } DeviceIoControl;
        struct { PDEVICE_CAPABILITIES Capabilities; } DeviceCapabilities;
        struct { DEVICE_RELATION_TYPE Type; } QueryDeviceRelations;
        struct { BUS_QUERY_ID_TYPE IdType; } QueryId;
        struct { PCM_RESOURCE_LIST AllocatedResources; PCM_RESOURCE_LIST AllocatedResourcesTranslated; } StartDevice;
        struct { ULONG SystemContext; POWER_STATE_TYPE Type; POWER_STATE State; ULONG ShutdownType; } Power;
        struct { ULONG_PTR ProviderId; PVOID DataPath; ULONG BufferSize; PVOID Buffer; } WMI;
        struct { PVOID Argument1; PVOID Argument2; PVOID Argument3; PVOID Argument4; } Others;
    } Parameters;
    struct _DEVICE_OBJECT *DeviceObject;
    struct _FILE_OBJECT *FileObject;
    PVOID CompletionRoutine;
    PVOID Context;
} IO_STACK_LOCATION, *PIO_STACK_LOCATION;

typedef void (*PDRIVER_CANCEL)(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp);
typedef struct _IRP {
    CSHORT Type;
    USHORT Size;
    PMDL MdlAddress;
    ULONG Flags;
    union { struct _IRP *MasterIrp; LONG IrpCount; PVOID SystemBuffer; } AssociatedIrp;
    LIST_ENTRY ThreadListEntry;
    IO_STATUS_BLOCK IoStatus;
    KPROCESSOR_MODE RequestorMode;
    BOOLEAN PendingReturned;
    CHAR StackCount;
    CHAR CurrentLocation;
    BOOLEAN Cancel;
    KIRQL CancelIrql;
    PDRIVER_CANCEL CancelRoutine;
    PVOID UserBuffer;
    union {
        struct {
            PVOID DriverContext[4];
            PETHREAD Thread;
            LIST_ENTRY ListEntry;
            struct _IO_STACK_LOCATION *CurrentStackLocation;
            struct _FILE_OBJECT *OriginalFileObject;
        } Overlay;
    } Tail;
} IRP, *PIRP;

typedef NTSTATUS DRIVER_DISPATCH(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp);
typedef DRIVER_DISPATCH *PDRIVER_DISPATCH;
typedef DRIVER_DISPATCH DRIVER_DISPATCH_PAGED;
typedef void DRIVER_CANCEL(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp);
typedef void DRIVER_UNLOAD(struct _DRIVER_OBJECT *DriverObject);
typedef DRIVER_UNLOAD *PDRIVER_UNLOAD;
typedef NTSTATUS DRIVER_INITIALIZE(struct _DRIVER_OBJECT *DriverObject, PUNICODE_STRING RegistryPath);
typedef NTSTATUS DRIVER_ADD_DEVICE(struct _DRIVER_OBJECT *DriverObject, struct _DEVICE_OBJECT *PhysicalDeviceObject);
typedef void DRIVER_STARTIO(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp);
typedef NTSTATUS IO_COMPLETION_ROUTINE(struct _DEVICE_OBJECT *DeviceObject, struct _IRP *Irp, PVOID Context);
typedef IO_COMPLETION_ROUTINE *PIO_COMPLETION_ROUTINE;
typedef void KDEFERRED_ROUTINE(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1, PVOID SystemArgument2);
typedef KDEFERRED_ROUTINE *PKDEFERRED_ROUTINE;
typedef void IO_WORKITEM_ROUTINE(struct _DEVICE_OBJECT *DeviceObject, PVOID Context);
typedef IO_WORKITEM_ROUTINE *PIO_WORKITEM_ROUTINE;
typedef void KSTART_ROUTINE(PVOID StartContext);
typedef KSTART_ROUTINE *PKSTART_ROUTINE;

typedef struct _DRIVER_EXTENSION { struct _DRIVER_OBJECT *DriverObject; DRIVER_ADD_DEVICE *AddDevice; ULONG Count; UNICODE_STRING ServiceKeyName; } DRIVER_EXTENSION, *PDRIVER_EXTENSION;
typedef struct _DRIVER_OBJECT {
    CSHORT Type;
    CSHORT Size;
    struct _DEVICE_OBJECT *DeviceObject;
    ULONG Flags;
    PVOID DriverStart;
    ULONG DriverSize;
    PVOID DriverSection;
    PDRIVER_EXTENSION DriverExtension;
    UNICODE_STRING DriverName;
    PUNICODE_STRING HardwareDatabase;
    PVOID FastIoDispatch;
    DRIVER_INITIALIZE *DriverInit;
    DRIVER_STARTIO *DriverStartIo;
    PDRIVER_UNLOAD DriverUnload;
    PDRIVER_DISPATCH MajorFunction[IRP_MJ_MAXIMUM_FUNCTION + 1];
} DRIVER_OBJECT, *PDRIVER_OBJECT;
typedef struct _DEVICE_OBJECT {
    CSHORT Type;
    USHORT Size;
    LONG ReferenceCount;
    struct _DRIVER_OBJECT *DriverObject;
    struct _DEVICE_OBJECT *NextDevice;
    struct _DEVICE_OBJECT *AttachedDevice;
    struct _IRP *CurrentIrp;
    ULONG Flags;
    ULONG Characteristics;
    PVOID DeviceExtension;
    DEVICE_TYPE DeviceType;
    ULONG AlignmentRequirement;
    ULONG StackSize;
} DEVICE_OBJECT, *PDEVICE_OBJECT;
typedef struct _FILE_OBJECT { CSHORT Type; CSHORT Size; PDEVICE_OBJECT DeviceObject; PVOID FsContext; PVOID FsContext2; UNICODE_STRING FileName; ULONG Flags; } FILE_OBJECT, *PFILE_OBJECT;

#define IoGetCurrentIrpStackLocation(irp) ((irp)->Tail.Overlay.CurrentStackLocation)
#define IoGetNextIrpStackLocation(irp) ((irp)->Tail.Overlay.CurrentStackLocation - 1)
#define IoSkipCurrentIrpStackLocation(irp) ((void)((irp)->CurrentLocation++, (irp)->Tail.Overlay.CurrentStackLocation++))
#define IoCopyCurrentIrpStackLocationToNext(irp) ((void)0)
#define IoMarkIrpPending(irp) ((void)0)
#define IoSetCompletionRoutine(irp, r, c, s, e, a) ((void)0)
static inline PDRIVER_CANCEL __memsafe_set_cancel_routine(PIRP irp, PDRIVER_CANCEL r) { PDRIVER_CANCEL old = irp->CancelRoutine; irp->CancelRoutine = r; return old; }
#define IoSetCancelRoutine(irp, r) __memsafe_set_cancel_routine((irp), (PDRIVER_CANCEL)(r))
PVOID __memsafe_exchange_pointer(PVOID *target, PVOID value);
void IoCompleteRequest(PIRP Irp, CCHAR PriorityBoost);
NTSTATUS IoCallDriver(PDEVICE_OBJECT DeviceObject, PIRP Irp);
#define IofCompleteRequest IoCompleteRequest
#define IofCallDriver IoCallDriver
NTSTATUS IoCreateDevice(PDRIVER_OBJECT DriverObject, ULONG DeviceExtensionSize, PUNICODE_STRING DeviceName, DEVICE_TYPE DeviceType,
        ULONG DeviceCharacteristics, BOOLEAN Exclusive, PDEVICE_OBJECT *DeviceObject);
void IoDeleteDevice(PDEVICE_OBJECT DeviceObject);
NTSTATUS IoCreateSymbolicLink(PUNICODE_STRING SymbolicLinkName, PUNICODE_STRING DeviceName);
NTSTATUS IoDeleteSymbolicLink(PUNICODE_STRING SymbolicLinkName);
PDEVICE_OBJECT IoAttachDeviceToDeviceStack(PDEVICE_OBJECT Source, PDEVICE_OBJECT Target);
void IoDetachDevice(PDEVICE_OBJECT TargetDevice);
PIRP IoAllocateIrp(CCHAR StackSize, BOOLEAN ChargeQuota);
PIRP IoBuildDeviceIoControlRequest(ULONG IoControlCode, PDEVICE_OBJECT DeviceObject, PVOID InputBuffer, ULONG InputBufferLength,
    PVOID OutputBuffer, ULONG OutputBufferLength, BOOLEAN InternalDeviceIoControl, PKEVENT Event, PIO_STATUS_BLOCK IoStatusBlock);
PIRP IoBuildSynchronousFsdRequest(ULONG MajorFunction, PDEVICE_OBJECT DeviceObject, PVOID Buffer, ULONG Length,
    PLARGE_INTEGER StartingOffset, PKEVENT Event, PIO_STATUS_BLOCK IoStatusBlock);
void IoFreeIrp(PIRP Irp);
PMDL IoAllocateMdl(PVOID VirtualAddress, ULONG Length, BOOLEAN SecondaryBuffer, BOOLEAN ChargeQuota, PIRP Irp);
void IoFreeMdl(PMDL Mdl);
PIO_WORKITEM IoAllocateWorkItem(PDEVICE_OBJECT DeviceObject);
void IoFreeWorkItem(PIO_WORKITEM IoWorkItem);
void IoQueueWorkItem(PIO_WORKITEM IoWorkItem, PIO_WORKITEM_ROUTINE WorkerRoutine, int QueueType, PVOID Context);
void IoAcquireCancelSpinLock(PKIRQL Irql);
void IoReleaseCancelSpinLock(KIRQL Irql);
NTSTATUS IoAcquireRemoveLock(PIO_REMOVE_LOCK RemoveLock, PVOID Tag);
void IoReleaseRemoveLock(PIO_REMOVE_LOCK RemoveLock, PVOID Tag);
void IoReleaseRemoveLockAndWait(PIO_REMOVE_LOCK RemoveLock, PVOID Tag);
void IoInitializeRemoveLock(PIO_REMOVE_LOCK Lock, ULONG AllocateTag, ULONG MaxLockedMinutes, ULONG HighWatermark);
NTSTATUS IoRegisterDeviceInterface(PDEVICE_OBJECT PhysicalDeviceObject, const GUID *InterfaceClassGuid, PUNICODE_STRING ReferenceString, PUNICODE_STRING SymbolicLinkName);
NTSTATUS IoSetDeviceInterfaceState(PUNICODE_STRING SymbolicLinkName, BOOLEAN Enable);
PVOID MmGetSystemAddressForMdlSafe(PMDL Mdl, ULONG Priority);
#define MmGetMdlByteCount(m) ((m)->ByteCount)
#define MmGetMdlVirtualAddress(m) ((PVOID)((PCHAR)((m)->StartVa) + (m)->ByteOffset))
void MmProbeAndLockPages(PMDL Mdl, KPROCESSOR_MODE AccessMode, int Operation);
void MmUnlockPages(PMDL Mdl);
PVOID MmMapIoSpace(PHYSICAL_ADDRESS PhysicalAddress, SIZE_T NumberOfBytes, int CacheType);
void MmUnmapIoSpace(PVOID BaseAddress, SIZE_T NumberOfBytes);
#define NormalPagePriority 16
#define MdlMappingNoExecute 0x40000000
#define KernelMode 0
#define UserMode 1
#define IoReadAccess 0
#define IoWriteAccess 1
#define IoModifyAccess 2
KPROCESSOR_MODE ExGetPreviousMode(void);

/* ---- synchronisation and misc */
void KeInitializeSpinLock(PKSPIN_LOCK SpinLock);
void KeAcquireSpinLock(PKSPIN_LOCK SpinLock, PKIRQL OldIrql);
void KeReleaseSpinLock(PKSPIN_LOCK SpinLock, KIRQL NewIrql);
void KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock);
void KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock);
void KeInitializeEvent(PRKEVENT Event, int Type, BOOLEAN State);
LONG KeSetEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait);
void KeClearEvent(PRKEVENT Event);
NTSTATUS KeWaitForSingleObject(PVOID Object, int WaitReason, KPROCESSOR_MODE WaitMode, BOOLEAN Alertable, PLARGE_INTEGER Timeout);
NTSTATUS KeWaitForMultipleObjects(ULONG Count, PVOID Object[], int WaitType, int WaitReason, KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
        PLARGE_INTEGER Timeout, PKWAIT_BLOCK WaitBlockArray);
#define KeWaitForMutexObject KeWaitForSingleObject
#define WaitAll 0
#define WaitAny 1
#define THREAD_WAIT_OBJECTS 3
#define MAXIMUM_WAIT_OBJECTS 64
void KeInitializeSemaphore(PKSEMAPHORE Semaphore, LONG Count, LONG Limit);
LONG KeReleaseSemaphore(PKSEMAPHORE Semaphore, KPRIORITY Increment, LONG Adjustment, BOOLEAN Wait);
void KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine, PVOID DeferredContext);
BOOLEAN KeInsertQueueDpc(PRKDPC Dpc, PVOID SystemArgument1, PVOID SystemArgument2);
void KeInitializeTimer(PKTIMER Timer);
BOOLEAN KeSetTimer(PKTIMER Timer, LARGE_INTEGER DueTime, PKDPC Dpc);
BOOLEAN KeCancelTimer(PKTIMER Timer);
BOOLEAN KeSetTimerEx(PKTIMER Timer, LARGE_INTEGER DueTime, LONG Period, PKDPC Dpc);
BOOLEAN KeRemoveQueueDpc(PRKDPC Dpc);
void KeFlushQueuedDpcs(void);
void KeInitializeMutex(PKMUTEX Mutex, ULONG Level);
LONG KeReleaseMutex(PKMUTEX Mutex, BOOLEAN Wait);
void ExInitializeFastMutex(PFAST_MUTEX FastMutex);
void ExAcquireFastMutex(PFAST_MUTEX FastMutex);
void ExReleaseFastMutex(PFAST_MUTEX FastMutex);
KIRQL KeGetCurrentIrql(void);
void KeStallExecutionProcessor(ULONG MicroSeconds);
NTSTATUS KeDelayExecutionThread(KPROCESSOR_MODE WaitMode, BOOLEAN Alertable, PLARGE_INTEGER Interval);
void KeQuerySystemTime(PLARGE_INTEGER CurrentTime);
/* the system stops: no path goes on past these (an assertion failure raises an exception that stops it
   unless a debugger resumes it) */
void KeBugCheckEx(ULONG BugCheckCode, ULONG_PTR P1, ULONG_PTR P2, ULONG_PTR P3, ULONG_PTR P4) __attribute__((noreturn));
void KeBugCheck(ULONG BugCheckCode) __attribute__((noreturn));
void DbgRaiseAssertionFailure(void) __attribute__((noreturn));
void __fastfail(unsigned int Code) __attribute__((noreturn));
LONG InterlockedIncrement(LONG volatile *Addend);
LONG InterlockedDecrement(LONG volatile *Addend);
LONG InterlockedExchange(LONG volatile *Target, LONG Value);
LONG InterlockedCompareExchange(LONG volatile *Destination, LONG Exchange, LONG Comparand);
PVOID InterlockedExchangePointer(PVOID volatile *Target, PVOID Value);
PVOID InterlockedCompareExchangePointer(PVOID volatile *Destination, PVOID Exchange, PVOID Comparand);
/* debug output is variadic macros: MSVC drops the comma before an empty __VA_ARGS__, which drivers rely on */
#define DbgPrint(...) ((void)0)
#define DbgPrintEx(...) ((void)0)
#define KdPrint(x) ((void)0)
#define KdPrintEx(x) ((void)0)
#define DPFLTR_IHVDRIVER_ID 77
#define DPFLTR_ERROR_LEVEL 0
#define DPFLTR_WARNING_LEVEL 1
#define DPFLTR_TRACE_LEVEL 2
#define DPFLTR_INFO_LEVEL 3
#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define NotificationEvent 0
#define SynchronizationEvent 1
#define Executive 0
#define UserRequest 6
NTSTATUS ObReferenceObjectByHandle(HANDLE Handle, ACCESS_MASK DesiredAccess, PVOID ObjectType, KPROCESSOR_MODE AccessMode, PVOID *Object, PVOID HandleInformation);
#define ObReferenceObject(o) ((void)(o))
#define ObDereferenceObject(o) ((void)(o))
NTSTATUS ZwClose(HANDLE Handle);
NTSTATUS ZwCreateFile(PHANDLE FileHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes, PIO_STATUS_BLOCK IoStatusBlock,
        PLARGE_INTEGER AllocationSize, ULONG FileAttributes, ULONG ShareAccess, ULONG CreateDisposition, ULONG CreateOptions, PVOID EaBuffer, ULONG EaLength);
NTSTATUS ZwOpenKey(PHANDLE KeyHandle, ACCESS_MASK DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes);
NTSTATUS PsCreateSystemThread(PHANDLE ThreadHandle, ULONG DesiredAccess, POBJECT_ATTRIBUTES ObjectAttributes, HANDLE ProcessHandle, PVOID ClientId,
        PKSTART_ROUTINE StartRoutine, PVOID StartContext);
NTSTATUS PsTerminateSystemThread(NTSTATUS ExitStatus);
HANDLE PsGetCurrentProcessId(void);
HANDLE PsGetCurrentThreadId(void);
#define GENERIC_READ 0x80000000u
#define GENERIC_WRITE 0x40000000u
#define GENERIC_ALL 0x10000000u
#define SYNCHRONIZE 0x00100000u
#define KEY_READ 0x20019u
#define KEY_ALL_ACCESS 0xF003Fu
#define FILE_ATTRIBUTE_NORMAL 0x80
#define FILE_SHARE_READ 1
#define FILE_SHARE_WRITE 2
#define FILE_OPEN 1
#define FILE_OPEN_IF 3
#define FILE_OVERWRITE_IF 5
#define FILE_SYNCHRONOUS_IO_NONALERT 0x20
#define FILE_NON_DIRECTORY_FILE 0x40

/* ---- KMDF (wdf.h): handles are opaque; a request's buffers are the models' business */
typedef struct WDFDRIVER__ *WDFDRIVER;
typedef struct WDFDEVICE__ *WDFDEVICE;
typedef struct WDFQUEUE__ *WDFQUEUE;
typedef struct WDFREQUEST__ *WDFREQUEST;
typedef struct WDFMEMORY__ *WDFMEMORY;
typedef struct WDFOBJECT__ *WDFOBJECT;
typedef struct WDFTIMER__ *WDFTIMER;
typedef struct WDFWORKITEM__ *WDFWORKITEM;
typedef struct WDFSPINLOCK__ *WDFSPINLOCK;
typedef struct WDFWAITLOCK__ *WDFWAITLOCK;
typedef struct WDFKEY__ *WDFKEY;
typedef struct WDFSTRING__ *WDFSTRING;
typedef struct WDFCOLLECTION__ *WDFCOLLECTION;
typedef struct WDFFILEOBJECT__ *WDFFILEOBJECT;
typedef struct WDFIOTARGET__ *WDFIOTARGET;
typedef struct WDFINTERRUPT__ *WDFINTERRUPT;
typedef struct WDFDPC__ *WDFDPC;
typedef struct WDFUSBDEVICE__ *WDFUSBDEVICE;
typedef struct WDFUSBPIPE__ *WDFUSBPIPE;
typedef struct WDFUSBINTERFACE__ *WDFUSBINTERFACE;
typedef struct WDFCMRESLIST__ *WDFCMRESLIST;
typedef struct WDFDEVICE_INIT *PWDFDEVICE_INIT;
typedef struct _WDF_OBJECT_CONTEXT_TYPE_INFO { ULONG Size; PCSTR ContextName; SIZE_T ContextSize; } WDF_OBJECT_CONTEXT_TYPE_INFO, *PWDF_OBJECT_CONTEXT_TYPE_INFO;
typedef struct _WDF_OBJECT_ATTRIBUTES { ULONG Size; PVOID EvtCleanupCallback; PVOID EvtDestroyCallback; int ExecutionLevel; int SynchronizationScope;
    WDFOBJECT ParentObject; SIZE_T ContextSizeOverride; const WDF_OBJECT_CONTEXT_TYPE_INFO *ContextTypeInfo; } WDF_OBJECT_ATTRIBUTES, *PWDF_OBJECT_ATTRIBUTES;
#define WDF_NO_OBJECT_ATTRIBUTES NULL
#define WDF_NO_HANDLE NULL
#define WDF_NO_EVENT_CALLBACK NULL
typedef enum _WDF_IO_QUEUE_DISPATCH_TYPE { WdfIoQueueDispatchInvalid = 0, WdfIoQueueDispatchSequential, WdfIoQueueDispatchParallel, WdfIoQueueDispatchManual } WDF_IO_QUEUE_DISPATCH_TYPE;
typedef enum _WDF_TRI_STATE { WdfFalse = 0, WdfTrue = 1, WdfUseDefault = 2 } WDF_TRI_STATE;
typedef void EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode);
typedef void EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL(WDFQUEUE Queue, WDFREQUEST Request, size_t OutputBufferLength, size_t InputBufferLength, ULONG IoControlCode);
typedef void EVT_WDF_IO_QUEUE_IO_READ(WDFQUEUE Queue, WDFREQUEST Request, size_t Length);
typedef void EVT_WDF_IO_QUEUE_IO_WRITE(WDFQUEUE Queue, WDFREQUEST Request, size_t Length);
typedef void EVT_WDF_IO_QUEUE_IO_DEFAULT(WDFQUEUE Queue, WDFREQUEST Request);
typedef void EVT_WDF_IO_QUEUE_IO_STOP(WDFQUEUE Queue, WDFREQUEST Request, ULONG ActionFlags);
typedef void EVT_WDF_REQUEST_CANCEL(WDFREQUEST Request);
typedef NTSTATUS EVT_WDF_DRIVER_DEVICE_ADD(WDFDRIVER Driver, PWDFDEVICE_INIT DeviceInit);
typedef void EVT_WDF_DRIVER_UNLOAD(WDFDRIVER Driver);
typedef void EVT_WDF_OBJECT_CONTEXT_CLEANUP(WDFOBJECT Object);
typedef void EVT_WDF_OBJECT_CONTEXT_DESTROY(WDFOBJECT Object);
typedef NTSTATUS EVT_WDF_DEVICE_PREPARE_HARDWARE(WDFDEVICE Device, WDFCMRESLIST ResourcesRaw, WDFCMRESLIST ResourcesTranslated);
typedef NTSTATUS EVT_WDF_DEVICE_RELEASE_HARDWARE(WDFDEVICE Device, WDFCMRESLIST ResourcesTranslated);
typedef NTSTATUS EVT_WDF_DEVICE_D0_ENTRY(WDFDEVICE Device, int PreviousState);
typedef NTSTATUS EVT_WDF_DEVICE_D0_EXIT(WDFDEVICE Device, int TargetState);
typedef void EVT_WDF_TIMER(WDFTIMER Timer);
typedef void EVT_WDF_WORKITEM(WDFWORKITEM WorkItem);
typedef void EVT_WDF_DEVICE_FILE_CREATE(WDFDEVICE Device, WDFREQUEST Request, WDFFILEOBJECT FileObject);
typedef void EVT_WDF_FILE_CLOSE(WDFFILEOBJECT FileObject);
typedef void EVT_WDF_FILE_CLEANUP(WDFFILEOBJECT FileObject);
typedef struct _WDF_IO_QUEUE_CONFIG { ULONG Size; WDF_IO_QUEUE_DISPATCH_TYPE DispatchType; WDF_TRI_STATE PowerManaged; BOOLEAN AllowZeroLengthRequests;
    BOOLEAN DefaultQueue; EVT_WDF_IO_QUEUE_IO_DEFAULT *EvtIoDefault; EVT_WDF_IO_QUEUE_IO_READ *EvtIoRead; EVT_WDF_IO_QUEUE_IO_WRITE *EvtIoWrite;
    EVT_WDF_IO_QUEUE_IO_DEVICE_CONTROL *EvtIoDeviceControl; EVT_WDF_IO_QUEUE_IO_INTERNAL_DEVICE_CONTROL *EvtIoInternalDeviceControl;
    EVT_WDF_IO_QUEUE_IO_STOP *EvtIoStop; PVOID EvtIoResume; PVOID EvtIoCanceledOnQueue; } WDF_IO_QUEUE_CONFIG, *PWDF_IO_QUEUE_CONFIG;
typedef struct _WDF_DRIVER_CONFIG { ULONG Size; EVT_WDF_DRIVER_DEVICE_ADD *EvtDriverDeviceAdd; EVT_WDF_DRIVER_UNLOAD *EvtDriverUnload; ULONG DriverInitFlags; ULONG DriverPoolTag; } WDF_DRIVER_CONFIG, *PWDF_DRIVER_CONFIG;
typedef struct _WDF_REQUEST_PARAMETERS { USHORT Size; UCHAR MinorFunction; int Type; union {
    struct { ULONG_PTR Length; ULONG Key; LONGLONG DeviceOffset; } Read; struct { ULONG_PTR Length; ULONG Key; LONGLONG DeviceOffset; } Write;
    struct { size_t OutputBufferLength; size_t InputBufferLength; ULONG IoControlCode; PVOID Type3InputBuffer; } DeviceIoControl;
    struct { PVOID Arg1; PVOID Arg2; ULONG IoControlCode; PVOID Arg4; } Others; } Parameters; } WDF_REQUEST_PARAMETERS, *PWDF_REQUEST_PARAMETERS;
void WDF_IO_QUEUE_CONFIG_INIT(PWDF_IO_QUEUE_CONFIG Config, WDF_IO_QUEUE_DISPATCH_TYPE DispatchType);
void WDF_IO_QUEUE_CONFIG_INIT_DEFAULT_QUEUE(PWDF_IO_QUEUE_CONFIG Config, WDF_IO_QUEUE_DISPATCH_TYPE DispatchType);
void WDF_DRIVER_CONFIG_INIT(PWDF_DRIVER_CONFIG Config, EVT_WDF_DRIVER_DEVICE_ADD *EvtDriverDeviceAdd);
void WDF_OBJECT_ATTRIBUTES_INIT(PWDF_OBJECT_ATTRIBUTES Attributes);
void WDF_REQUEST_PARAMETERS_INIT(PWDF_REQUEST_PARAMETERS Parameters);
#define WDF_OBJECT_ATTRIBUTES_INIT_CONTEXT_TYPE(a, t) WDF_OBJECT_ATTRIBUTES_INIT(a)
#define WDF_DECLARE_CONTEXT_TYPE_WITH_NAME(t, f) t *f(WDFOBJECT Handle);
#define WDF_DECLARE_CONTEXT_TYPE(t) t *WdfObjectGet_##t(WDFOBJECT Handle);
#define WdfObjectGetTypedContext(h, t) ((t *)WdfObjectGetTypedContextWorker((WDFOBJECT)(h), NULL))
PVOID WdfObjectGetTypedContextWorker(WDFOBJECT Handle, const WDF_OBJECT_CONTEXT_TYPE_INFO * Info);
NTSTATUS WdfDriverCreate(PDRIVER_OBJECT DriverObject, PCUNICODE_STRING RegistryPath, PWDF_OBJECT_ATTRIBUTES DriverAttributes, PWDF_DRIVER_CONFIG DriverConfig, WDFDRIVER *Driver);
NTSTATUS WdfDeviceCreate(PWDFDEVICE_INIT *DeviceInit, PWDF_OBJECT_ATTRIBUTES DeviceAttributes, WDFDEVICE *Device);
NTSTATUS WdfIoQueueCreate(WDFDEVICE Device, PWDF_IO_QUEUE_CONFIG Config, PWDF_OBJECT_ATTRIBUTES QueueAttributes, WDFQUEUE *Queue);
NTSTATUS WdfDeviceCreateDeviceInterface(WDFDEVICE Device, const GUID *InterfaceClassGUID, PCUNICODE_STRING ReferenceString);
NTSTATUS WdfDeviceCreateSymbolicLink(WDFDEVICE Device, PCUNICODE_STRING SymbolicLinkName);
WDFDEVICE WdfIoQueueGetDevice(WDFQUEUE Queue);
NTSTATUS WdfRequestRetrieveInputBuffer(WDFREQUEST Request, size_t MinimumRequiredLength, PVOID *Buffer, size_t *Length);
NTSTATUS WdfRequestRetrieveOutputBuffer(WDFREQUEST Request, size_t MinimumRequiredSize, PVOID *Buffer, size_t *Length);
NTSTATUS WdfRequestRetrieveInputMemory(WDFREQUEST Request, WDFMEMORY *Memory);
NTSTATUS WdfRequestRetrieveOutputMemory(WDFREQUEST Request, WDFMEMORY *Memory);
NTSTATUS WdfRequestRetrieveUnsafeUserInputBuffer(WDFREQUEST Request, size_t MinimumRequiredLength, PVOID *InputBuffer, size_t *Length);
NTSTATUS WdfRequestRetrieveUnsafeUserOutputBuffer(WDFREQUEST Request, size_t MinimumRequiredLength, PVOID *OutputBuffer, size_t *Length);
void WdfRequestComplete(WDFREQUEST Request, NTSTATUS Status);
void WdfRequestCompleteWithInformation(WDFREQUEST Request, NTSTATUS Status, ULONG_PTR Information);
void WdfRequestCompleteWithPriorityBoost(WDFREQUEST Request, NTSTATUS Status, CCHAR PriorityBoost);
void WdfRequestSetInformation(WDFREQUEST Request, ULONG_PTR Information);
void WdfRequestGetParameters(WDFREQUEST Request, PWDF_REQUEST_PARAMETERS Parameters);
NTSTATUS WdfRequestForwardToIoQueue(WDFREQUEST Request, WDFQUEUE DestinationQueue);
NTSTATUS WdfIoQueueRetrieveNextRequest(WDFQUEUE Queue, WDFREQUEST *OutRequest);
NTSTATUS WdfMemoryCopyToBuffer(WDFMEMORY SourceMemory, size_t SourceOffset, PVOID Buffer, size_t NumBytesToCopyTo);
NTSTATUS WdfMemoryCopyFromBuffer(WDFMEMORY DestinationMemory, size_t DestinationOffset, PVOID Buffer, size_t NumBytesToCopyFrom);
PVOID WdfMemoryGetBuffer(WDFMEMORY Memory, size_t *BufferSize);
NTSTATUS WdfMemoryCreate(PWDF_OBJECT_ATTRIBUTES Attributes, POOL_TYPE PoolType, ULONG PoolTag, size_t BufferSize, WDFMEMORY *Memory, PVOID *Buffer);
void WdfObjectDelete(WDFOBJECT Object);
WDFDRIVER WdfGetDriver(void);
PDEVICE_OBJECT WdfDeviceWdmGetDeviceObject(WDFDEVICE Device);
void WdfSpinLockAcquire(WDFSPINLOCK SpinLock);
void WdfSpinLockRelease(WDFSPINLOCK SpinLock);
NTSTATUS WdfSpinLockCreate(PWDF_OBJECT_ATTRIBUTES SpinLockAttributes, WDFSPINLOCK *SpinLock);
void WdfDeviceInitSetIoType(PWDFDEVICE_INIT DeviceInit, int IoType);
#define WdfDeviceIoBuffered 2
#define WdfDeviceIoDirect 3
#define WdfDeviceIoNeither 1
#define WdfRequestTypeDeviceControl 14
#define WdfRequestTypeRead 3
#define WdfRequestTypeWrite 4

#endif
