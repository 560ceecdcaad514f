/* memsafe bundled prelude: the C standard library's types, constants and prototypes as in glibc.
 * Served for every standard header name so that analysis does not depend on which system headers a
 * machine has. The widths of size_t, ptrdiff_t, intptr_t, wchar_t, long and their limits follow the
 * unit's data model through the macros GCC predefines (__SIZE_TYPE__, __LONG_MAX__, ...), which the
 * parser defines from memsafe's table of models (LP64, LLP64, ILP32). The analysis takes the
 * semantics of these functions from its library models, not from here; this file only gives the
 * parser types and macros. The POSIX and glibc interfaces are in prelude-posix.h, which the parser
 * serves right after this file as one text (see CdtParser.PRELUDE_TEXT). */
#ifndef MEMSAFE_PRELUDE_H
#define MEMSAFE_PRELUDE_H

#define __MEMSAFE_PRELUDE__ 1
#if __SIZEOF_POINTER__ == 8
#define __x86_64__ 1
#else
#define __i386__ 1
#endif
#define __linux__ 1
#define __unix__ 1
#define __CHAR_BIT__ 8

typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ssize_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef __INTPTR_TYPE__ intptr_t;
typedef __UINTPTR_TYPE__ uintptr_t;
#ifndef __cplusplus
typedef __WCHAR_TYPE__ wchar_t;
#define bool _Bool
#define true 1
#define false 0
#endif
typedef unsigned int wint_t;
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef __INT64_TYPE__ int64_t;
typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef __UINT64_TYPE__ uint64_t;
typedef __INTMAX_TYPE__ intmax_t;
typedef __UINTMAX_TYPE__ uintmax_t;
typedef long time_t;
typedef long clock_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;
typedef unsigned short in_port_t;
typedef unsigned int in_addr_t;
typedef struct { int __count; unsigned int __value; } mbstate_t;
typedef struct _IO_FILE { int _flags; char *_IO_read_ptr; } FILE;
typedef struct { off_t __pos; mbstate_t __state; } fpos_t;
typedef __builtin_va_list va_list;
typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
struct tm { int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday, tm_isdst; long tm_gmtoff; const char *tm_zone; };
struct timeval { long tv_sec; long tv_usec; };
struct timespec { long tv_sec; long tv_nsec; };
struct stat { unsigned long st_dev; unsigned long st_ino; unsigned long st_nlink; unsigned int st_mode; unsigned int st_uid; unsigned int st_gid; int __pad0; unsigned long st_rdev; long st_size; long st_blksize; long st_blocks; struct timespec st_atim, st_mtim, st_ctim; long __unused[3]; };
struct in_addr { in_addr_t s_addr; };
struct sockaddr { sa_family_t sa_family; char sa_data[14]; };
struct sockaddr_in { sa_family_t sin_family; in_port_t sin_port; struct in_addr sin_addr; unsigned char sin_zero[8]; };
struct sockaddr_storage { sa_family_t ss_family; char __ss_padding[118]; unsigned long __ss_align; };

#define NULL ((void *)0)
#define EOF (-1)
#define WEOF (0xffffffffu)
#define BUFSIZ 8192
#define FILENAME_MAX 4096
#define PATH_MAX 4096
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647
#define CHAR_BIT 8
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#define SHRT_MIN (-32768)
#define SHRT_MAX 32767
#define USHRT_MAX 65535
#define INT_MIN (-INT_MAX - 1)
#define INT_MAX 2147483647
#define UINT_MAX 4294967295U
#define LONG_MAX __LONG_MAX__
#define LONG_MIN (-LONG_MAX - 1L)
#if __SIZEOF_LONG__ == 8
#define ULONG_MAX 18446744073709551615UL
#else
#define ULONG_MAX 4294967295UL
#endif
#define LLONG_MAX 9223372036854775807LL
#define LLONG_MIN (-LLONG_MAX - 1LL)
#define ULLONG_MAX 18446744073709551615ULL
#define INT8_MIN (-128)
#define INT8_MAX 127
#define UINT8_MAX 255
#define INT16_MIN (-32768)
#define INT16_MAX 32767
#define UINT16_MAX 65535
#define INT32_MIN (-2147483647-1)
#define INT32_MAX 2147483647
#define UINT32_MAX 4294967295U
#define INT64_MAX 9223372036854775807LL
#define INT64_MIN (-INT64_MAX - 1)
#define UINT64_MAX 18446744073709551615ULL
#define SIZE_MAX __SIZE_MAX__
#define SSIZE_MAX __PTRDIFF_MAX__
#define PTRDIFF_MAX __PTRDIFF_MAX__
#define PTRDIFF_MIN (-PTRDIFF_MAX - 1)
#define INTPTR_MAX __INTPTR_MAX__
#define INTPTR_MIN (-INTPTR_MAX - 1)
#define UINTPTR_MAX __SIZE_MAX__
#define WCHAR_MIN __WCHAR_MIN__
#define WCHAR_MAX __WCHAR_MAX__
#define MB_LEN_MAX 16
#define INADDR_ANY ((in_addr_t)0x00000000)
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001)
#define AF_INET 2
#define PF_INET 2
#define AF_INET6 10
#define SOCK_STREAM 1
#define SOCK_DGRAM 2
#define IPPROTO_TCP 6
#define IPPROTO_UDP 17
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0100
#define O_TRUNC 01000
#define O_APPEND 02000
#define S_IREAD 0400
#define S_IWRITE 0200
#define S_IRUSR 0400
#define S_IWUSR 0200
#define EINTR 4
#define ENOMEM 12
#define EINVAL 22
#define ERANGE 34
#define CLOCKS_PER_SEC 1000000L
#define offsetof(t, m) __builtin_offsetof(t, m)
#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_end(ap) __builtin_va_end(ap)
#define va_arg(ap, t) __builtin_va_arg(ap, t)
#define va_copy(d, s) __builtin_va_copy(d, s)
/* assert as the C library defines it: checked unless NDEBUG (a failed check does not return) */
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) ((e) ? (void)0 : abort())
#endif
#define alloca(n) __builtin_alloca(n)

#ifdef __cplusplus
extern "C" {
#endif
extern FILE *stdin;
extern FILE *stdout;
extern FILE *stderr;
extern int errno;
extern char **environ;

void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void *reallocarray(void *p, size_t n, size_t size);
void free(void *p);
void *__builtin_alloca(size_t size);
void *aligned_alloc(size_t alignment, size_t size);
int posix_memalign(void **p, size_t alignment, size_t size);
void abort(void);
/* setjmp.h: the buffer setjmp fills (glibc's layout on x86-64, 200 bytes) */
typedef struct __jmp_buf_tag { long __jmpbuf[8]; int __mask_was_saved; unsigned long __saved_mask[16]; } jmp_buf[1];
typedef jmp_buf sigjmp_buf;
int setjmp(jmp_buf env);
int _setjmp(jmp_buf env);
int sigsetjmp(sigjmp_buf env, int savemask);
int __sigsetjmp(sigjmp_buf env, int savemask);
void longjmp(jmp_buf env, int val);
void _longjmp(jmp_buf env, int val);
void siglongjmp(sigjmp_buf env, int val);
void exit(int status);
void _exit(int status);
int atexit(void (*f)(void));
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
double atof(const char *s);
long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
double strtod(const char *s, char **end);
long wcstol(const wchar_t *s, wchar_t **end, int base);
unsigned long wcstoul(const wchar_t *s, wchar_t **end, int base);
int rand(void);
void srand(unsigned int seed);
int abs(int x);
long labs(long x);
char *getenv(const char *name);
int system(const char *cmd);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));

void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
char *strcat(char *d, const char *s);
char *strncat(char *d, const char *s, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
int strcoll(const char *a, const char *b);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *h, const char *n);
char *strpbrk(const char *s, const char *a);
size_t strspn(const char *s, const char *a);
size_t strcspn(const char *s, const char *r);
char *strtok(char *s, const char *d);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);
char *strerror(int e);
size_t strlcpy(char *d, const char *s, size_t n);
size_t strlcat(char *d, const char *s, size_t n);

wchar_t *wcscpy(wchar_t *d, const wchar_t *s);
wchar_t *wcsncpy(wchar_t *d, const wchar_t *s, size_t n);
wchar_t *wcscat(wchar_t *d, const wchar_t *s);
wchar_t *wcsncat(wchar_t *d, const wchar_t *s, size_t n);
size_t wcslen(const wchar_t *s);
int wcscmp(const wchar_t *a, const wchar_t *b);
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wcsrchr(const wchar_t *s, wchar_t c);
wchar_t *wcsstr(const wchar_t *h, const wchar_t *n);
wchar_t *wcsdup(const wchar_t *s);
wchar_t *wmemcpy(wchar_t *d, const wchar_t *s, size_t n);
wchar_t *wmemmove(wchar_t *d, const wchar_t *s, size_t n);
wchar_t *wmemset(wchar_t *d, wchar_t c, size_t n);
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n);
size_t mbstowcs(wchar_t *d, const char *s, size_t n);
size_t wcstombs(char *d, const wchar_t *s, size_t n);
int mbtowc(wchar_t *d, const char *s, size_t n);
int wctomb(char *s, wchar_t wc);

int printf(const char *fmt, ...);
int fprintf(FILE *f, const char *fmt, ...);
int sprintf(char *d, const char *fmt, ...);
int snprintf(char *d, size_t n, const char *fmt, ...);
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int vsprintf(char *d, const char *fmt, va_list ap);
int vsnprintf(char *d, size_t n, const char *fmt, va_list ap);
int wprintf(const wchar_t *fmt, ...);
int fwprintf(FILE *f, const wchar_t *fmt, ...);
int swprintf(wchar_t *d, size_t n, const wchar_t *fmt, ...);
int vwprintf(const wchar_t *fmt, va_list ap);
int vfwprintf(FILE *f, const wchar_t *fmt, va_list ap);
int vswprintf(wchar_t *d, size_t n, const wchar_t *fmt, va_list ap);
int scanf(const char *fmt, ...);
int fscanf(FILE *f, const char *fmt, ...);
int sscanf(const char *s, const char *fmt, ...);
int wscanf(const wchar_t *fmt, ...);
int fwscanf(FILE *f, const wchar_t *fmt, ...);
int swscanf(const wchar_t *s, const wchar_t *fmt, ...);
char *fgets(char *s, int n, FILE *f);
wchar_t *fgetws(wchar_t *s, int n, FILE *f);
char *gets(char *s);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
wint_t fgetwc(FILE *f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
int fputws(const wchar_t *s, FILE *f);
int ungetc(int c, FILE *f);
size_t fread(void *p, size_t size, size_t n, FILE *f);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);
FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *path, const char *mode, FILE *f);
FILE *tmpfile(void);
FILE *popen(const char *cmd, const char *mode);
int pclose(FILE *f);
int fclose(FILE *f);
int fflush(FILE *f);
int fseek(FILE *f, long off, int whence);
long ftell(FILE *f);
void rewind(FILE *f);
int feof(FILE *f);
int ferror(FILE *f);
void perror(const char *s);
int remove(const char *path);
int rename(const char *a, const char *b);

int open(const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int close(int fd);
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
off_t lseek(int fd, off_t off, int whence);
int unlink(const char *path);
int access(const char *path, int mode);
char *getcwd(char *buf, size_t n);
unsigned int sleep(unsigned int s);
pid_t getpid(void);
int execl(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
int stat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);

int socket(int domain, int type, int protocol);
int connect(int fd, const struct sockaddr *addr, socklen_t len);
int bind(int fd, const struct sockaddr *addr, socklen_t len);
int listen(int fd, int backlog);
int accept(int fd, struct sockaddr *addr, socklen_t *len);
ssize_t recv(int fd, void *buf, size_t n, int flags);
ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *addr, socklen_t *len);
ssize_t send(int fd, const void *buf, size_t n, int flags);
ssize_t sendto(int fd, const void *buf, size_t n, int flags, const struct sockaddr *addr, socklen_t len);
int shutdown(int fd, int how);
unsigned short htons(unsigned short x);
unsigned short ntohs(unsigned short x);
unsigned int htonl(unsigned int x);
unsigned int ntohl(unsigned int x);
/* endian.h and byteswap.h: functions here (macros in glibc), so that the analysis sees the conversion */
uint16_t be16toh(uint16_t x);
uint16_t le16toh(uint16_t x);
uint32_t be32toh(uint32_t x);
uint32_t le32toh(uint32_t x);
uint64_t be64toh(uint64_t x);
uint64_t le64toh(uint64_t x);
uint16_t htobe16(uint16_t x);
uint16_t htole16(uint16_t x);
uint32_t htobe32(uint32_t x);
uint32_t htole32(uint32_t x);
uint64_t htobe64(uint64_t x);
uint64_t htole64(uint64_t x);
uint16_t bswap_16(uint16_t x);
uint32_t bswap_32(uint32_t x);
uint64_t bswap_64(uint64_t x);
in_addr_t inet_addr(const char *cp);
int inet_pton(int af, const char *src, void *dst);

time_t time(time_t *t);
clock_t clock(void);
struct tm *localtime(const time_t *t);
struct tm *gmtime(const time_t *t);
size_t strftime(char *s, size_t n, const char *fmt, const struct tm *tm);
char *ctime(const time_t *t);

int isalpha(int c);
int isdigit(int c);
int isalnum(int c);
int isspace(int c);
int isupper(int c);
int islower(int c);
int isprint(int c);
int isxdigit(int c);
int toupper(int c);
int tolower(int c);
int iswdigit(wint_t c);
int iswspace(wint_t c);

double sqrt(double x);
double pow(double x, double y);
double fabs(double x);
double floor(double x);
double ceil(double x);
double log(double x);
double exp(double x);
double sin(double x);
double cos(double x);
#ifdef __cplusplus
}
#endif

#ifdef __cplusplus
namespace std {
  typedef ::size_t size_t;
  using ::malloc; using ::free; using ::calloc; using ::realloc; using ::memcpy; using ::memmove;
  using ::memset; using ::strcpy; using ::strlen; using ::strcat; using ::strncpy; using ::wcscpy; using ::wcslen;
  class exception { public: virtual ~exception() {} virtual const char *what() const { return ""; } };
  class bad_alloc : public exception { };
  struct nothrow_t { };
  extern const nothrow_t nothrow;

  /* The standard containers, declared only: the analysis lowers their member functions itself
   * (frontend/ContainerLowering). One member cell stands for all the elements of a container (for a
   * vector, in a heap block of its own, so that a reallocation can leave old pointers dangling). */
  template<class T> class allocator { };
  template<class T> struct less { bool operator()(const T &a, const T &b) const; };
  template<class A, class B> struct pair { A first; B second; };
  template<class T, class Alloc = allocator<T> > class vector {
    T *__memsafe_storage; /* the block holding the element cell: reallocated when the rules invalidate pointers */
  public:
    typedef T value_type; typedef T *iterator; typedef const T *const_iterator; typedef size_t size_type;
    typedef T &reference; typedef const T &const_reference;
    vector(); explicit vector(size_t n); vector(size_t n, const T &value); vector(const vector &other); ~vector();
    vector &operator=(const vector &other);
    iterator begin(); iterator end(); const_iterator begin() const; const_iterator end() const;
    size_t size() const; size_t capacity() const; bool empty() const;
    void reserve(size_t n); void resize(size_t n); void resize(size_t n, const T &value); void clear();
    T &operator[](size_t i); const T &operator[](size_t i) const; T &at(size_t i); const T &at(size_t i) const;
    T &front(); T &back(); T *data();
    void push_back(const T &value); void pop_back();
    template<class... A> T &emplace_back(A &&...args);
    iterator insert(iterator position, const T &value); void insert(iterator position, size_t n, const T &value);
    iterator erase(iterator position);
  };
  template<class T, class Alloc = allocator<T> > class list {
    T __memsafe_element;
  public:
    typedef T value_type; typedef T *iterator; typedef const T *const_iterator; typedef size_t size_type;
    list(); list(const list &other); ~list(); list &operator=(const list &other);
    iterator begin(); iterator end(); const_iterator begin() const; const_iterator end() const;
    size_t size() const; bool empty() const; void clear();
    T &front(); T &back();
    void push_back(const T &value); void push_front(const T &value); void pop_back(); void pop_front();
    template<class... A> T &emplace_back(A &&...args); template<class... A> T &emplace_front(A &&...args);
    iterator insert(iterator position, const T &value); iterator erase(iterator position);
  };
  template<class T, class Alloc = allocator<T> > class deque {
    T __memsafe_element;
  public:
    typedef T value_type; typedef T *iterator; typedef size_t size_type;
    deque(); deque(const deque &other); ~deque();
    iterator begin(); iterator end(); size_t size() const; bool empty() const; void clear();
    T &operator[](size_t i); T &at(size_t i); T &front(); T &back();
    void push_back(const T &value); void push_front(const T &value); void pop_back(); void pop_front();
    template<class... A> T &emplace_back(A &&...args); template<class... A> T &emplace_front(A &&...args);
  };
  template<class K, class V, class Compare = less<K>, class Alloc = allocator<pair<const K, V> > > class map {
    V __memsafe_element;
  public:
    typedef K key_type; typedef V mapped_type; typedef pair<const K, V> *iterator; typedef size_t size_type;
    map(); map(const map &other); ~map(); map &operator=(const map &other);
    iterator begin(); iterator end(); iterator find(const K &key);
    size_t size() const; bool empty() const; void clear(); size_t count(const K &key) const; size_t erase(const K &key);
    V &operator[](const K &key); V &at(const K &key);
  };

  /* <unordered_map>, <set>, <unordered_set>, <queue>, <stack>: the same shape, one cell for all the
   * elements (a map's mapped values, a set's keys). */
  template<class T> struct hash { size_t operator()(const T &v) const noexcept; };
  template<class T> struct equal_to { bool operator()(const T &a, const T &b) const; };
  template<class T> struct greater { bool operator()(const T &a, const T &b) const; };
  template<class K, class V, class Hash = hash<K>, class Eq = equal_to<K>, class Alloc = allocator<pair<const K, V> > > class unordered_map {
    V __memsafe_element;
  public:
    typedef K key_type; typedef V mapped_type; typedef pair<const K, V> value_type; typedef size_t size_type;
    typedef pair<const K, V> *iterator; typedef const pair<const K, V> *const_iterator;
    unordered_map(); unordered_map(const unordered_map &other); ~unordered_map(); unordered_map &operator=(const unordered_map &other);
    iterator begin(); iterator end(); const_iterator begin() const; const_iterator end() const;
    iterator find(const K &key); const_iterator find(const K &key) const;
    size_t size() const; bool empty() const; void clear(); size_t count(const K &key) const; bool contains(const K &key) const;
    size_t erase(const K &key); iterator erase(const_iterator position); void reserve(size_t n);
    V &operator[](const K &key); V &at(const K &key); const V &at(const K &key) const;
    pair<iterator, bool> insert(const value_type &value);
    template<class... A> pair<iterator, bool> emplace(A &&...args);
  };
  template<class K, class Compare = less<K>, class Alloc = allocator<K> > class set {
    K __memsafe_element;
  public:
    typedef K key_type; typedef K value_type; typedef size_t size_type; typedef const K *iterator; typedef const K *const_iterator;
    set(); set(const set &other); ~set(); set &operator=(const set &other);
    iterator begin() const; iterator end() const; iterator find(const K &key) const;
    size_t size() const; bool empty() const; void clear(); size_t count(const K &key) const; bool contains(const K &key) const;
    size_t erase(const K &key); iterator erase(iterator position);
    pair<iterator, bool> insert(const K &value); template<class... A> pair<iterator, bool> emplace(A &&...args);
  };
  template<class K, class Hash = hash<K>, class Eq = equal_to<K>, class Alloc = allocator<K> > class unordered_set {
    K __memsafe_element;
  public:
    typedef K key_type; typedef K value_type; typedef size_t size_type; typedef const K *iterator; typedef const K *const_iterator;
    unordered_set(); unordered_set(const unordered_set &other); ~unordered_set(); unordered_set &operator=(const unordered_set &other);
    iterator begin() const; iterator end() const; iterator find(const K &key) const;
    size_t size() const; bool empty() const; void clear(); size_t count(const K &key) const; bool contains(const K &key) const;
    size_t erase(const K &key); iterator erase(iterator position); void reserve(size_t n);
    pair<iterator, bool> insert(const K &value); template<class... A> pair<iterator, bool> emplace(A &&...args);
  };
  template<class T, class C = deque<T> > class queue {
    T __memsafe_element;
  public:
    typedef T value_type; typedef size_t size_type;
    queue(); queue(const queue &other); ~queue();
    size_t size() const; bool empty() const; T &front(); T &back();
    void push(const T &value); template<class... A> void emplace(A &&...args); void pop();
  };
  template<class T, class C = deque<T> > class stack {
    T __memsafe_element;
  public:
    typedef T value_type; typedef size_t size_type;
    stack(); stack(const stack &other); ~stack();
    size_t size() const; bool empty() const; T &top();
    void push(const T &value); template<class... A> void emplace(A &&...args); void pop();
  };
  /* <array>: the elements themselves, so that an index is checked against N (frontend/ContainerLowering) */
  template<class T, size_t N> struct array {
    T __memsafe_elements[N];
    typedef T value_type; typedef size_t size_type; typedef T *iterator; typedef const T *const_iterator;
    typedef T &reference; typedef const T &const_reference;
    T &operator[](size_t i); const T &operator[](size_t i) const; T &at(size_t i); const T &at(size_t i) const;
    T &front(); const T &front() const; T &back(); const T &back() const; T *data(); const T *data() const;
    iterator begin(); iterator end(); const_iterator begin() const; const_iterator end() const;
    const_iterator cbegin() const; const_iterator cend() const;
    size_t size() const noexcept; size_t max_size() const noexcept; bool empty() const noexcept; void fill(const T &value);
  };

  /* <utility>: std::move and std::forward are casts; frontend/SmartPointerLowering moves what they name. */
  template<class T> struct remove_reference { typedef T type; };
  template<class T> struct remove_reference<T &> { typedef T type; };
  template<class T> struct remove_reference<T &&> { typedef T type; };
  template<class T> typename remove_reference<T>::type &&move(T &&t) noexcept;
  template<class T> T &&forward(typename remove_reference<T>::type &t) noexcept;

  /* <memory>: unique_ptr and shared_ptr, declared only (frontend/SmartPointerLowering): the object is the
   * pointer it owns; a unique_ptr deletes it (delete, or delete[] for T[]) when it is destroyed or reset. */
  template<class T> struct default_delete { };
  template<class T, class D = default_delete<T> > class unique_ptr {
    T *__memsafe_pointer;
  public:
    typedef T element_type; typedef T *pointer; typedef D deleter_type;
    unique_ptr() noexcept; unique_ptr(decltype(nullptr)) noexcept; explicit unique_ptr(T *p) noexcept;
    unique_ptr(T *p, D d) noexcept; unique_ptr(unique_ptr &&other) noexcept;
    template<class U, class E> unique_ptr(unique_ptr<U, E> &&other) noexcept;
    ~unique_ptr();
    unique_ptr &operator=(unique_ptr &&other) noexcept; unique_ptr &operator=(decltype(nullptr)) noexcept;
    template<class U, class E> unique_ptr &operator=(unique_ptr<U, E> &&other) noexcept;
    T *get() const noexcept; T *release() noexcept; void reset(T *p = nullptr) noexcept; void swap(unique_ptr &other) noexcept;
    T &operator*() const; T *operator->() const noexcept; explicit operator bool() const noexcept;
    D &get_deleter() noexcept;
  };
  template<class T, class D> class unique_ptr<T[], D> {
    T *__memsafe_pointer;
  public:
    typedef T element_type; typedef T *pointer; typedef D deleter_type;
    unique_ptr() noexcept; unique_ptr(decltype(nullptr)) noexcept; explicit unique_ptr(T *p) noexcept;
    unique_ptr(T *p, D d) noexcept; unique_ptr(unique_ptr &&other) noexcept;
    ~unique_ptr();
    unique_ptr &operator=(unique_ptr &&other) noexcept; unique_ptr &operator=(decltype(nullptr)) noexcept;
    T *get() const noexcept; T *release() noexcept; void reset(T *p = nullptr) noexcept; void swap(unique_ptr &other) noexcept;
    T &operator[](size_t i) const; explicit operator bool() const noexcept;
    D &get_deleter() noexcept;
  };
  template<class T> class shared_ptr {
    T *__memsafe_pointer;
  public:
    typedef T element_type;
    shared_ptr() noexcept; shared_ptr(decltype(nullptr)) noexcept; template<class Y> explicit shared_ptr(Y *p);
    template<class Y, class D> shared_ptr(Y *p, D d); shared_ptr(const shared_ptr &other) noexcept;
    template<class Y> shared_ptr(const shared_ptr<Y> &other) noexcept; shared_ptr(shared_ptr &&other) noexcept;
    template<class Y> shared_ptr(shared_ptr<Y> &&other) noexcept; template<class Y, class D> shared_ptr(unique_ptr<Y, D> &&other);
    ~shared_ptr();
    shared_ptr &operator=(const shared_ptr &other) noexcept; shared_ptr &operator=(shared_ptr &&other) noexcept;
    template<class Y> shared_ptr &operator=(const shared_ptr<Y> &other) noexcept;
    template<class Y, class D> shared_ptr &operator=(unique_ptr<Y, D> &&other);
    T *get() const noexcept; void reset() noexcept; template<class Y> void reset(Y *p); void swap(shared_ptr &other) noexcept;
    T &operator*() const noexcept; T *operator->() const noexcept; explicit operator bool() const noexcept;
    long use_count() const noexcept; bool unique() const noexcept;
  };
  /* <string>, <string_view>, <span>, declared only (frontend/StringLowering): a string's characters are in
   * a heap block it points to, which the members that may reallocate replace; a view or span is a
   * pointer into its owner's characters or elements and a length. */
  template<class C> class basic_string {
    C *__memsafe_storage;
  public:
    typedef C value_type; typedef size_t size_type; typedef C &reference; typedef const C &const_reference;
    typedef C *iterator; typedef const C *const_iterator;
    static const size_t npos = (size_t)-1;
    basic_string(); basic_string(const C *s); basic_string(const C *s, size_t n); basic_string(size_t n, C c);
    basic_string(const basic_string &other); basic_string(basic_string &&other) noexcept;
    basic_string(const basic_string &other, size_t pos, size_t n = npos);
    template<class It> basic_string(It first, It last);
    ~basic_string();
    basic_string &operator=(const basic_string &other); basic_string &operator=(basic_string &&other) noexcept;
    basic_string &operator=(const C *s); basic_string &operator=(C c);
    const C *c_str() const noexcept; const C *data() const noexcept; C *data() noexcept;
    size_t size() const noexcept; size_t length() const noexcept; size_t capacity() const noexcept;
    size_t max_size() const noexcept; bool empty() const noexcept;
    C &operator[](size_t i); const C &operator[](size_t i) const; C &at(size_t i); const C &at(size_t i) const;
    C &front(); const C &front() const; C &back(); const C &back() const;
    iterator begin() noexcept; iterator end() noexcept; const_iterator begin() const noexcept; const_iterator end() const noexcept;
    const_iterator cbegin() const noexcept; const_iterator cend() const noexcept;
    basic_string &append(const basic_string &s); basic_string &append(const basic_string &s, size_t pos, size_t n = npos);
    basic_string &append(const C *s); basic_string &append(const C *s, size_t n); basic_string &append(size_t n, C c);
    template<class It> basic_string &append(It first, It last);
    basic_string &operator+=(const basic_string &s); basic_string &operator+=(const C *s); basic_string &operator+=(C c);
    void push_back(C c); void pop_back(); void clear() noexcept;
    void resize(size_t n); void resize(size_t n, C c); void reserve(size_t n = 0); void shrink_to_fit();
    basic_string &assign(const basic_string &s); basic_string &assign(basic_string &&s); basic_string &assign(const C *s);
    basic_string &assign(const C *s, size_t n); basic_string &assign(size_t n, C c); template<class It> basic_string &assign(It first, It last);
    basic_string &insert(size_t pos, const basic_string &s); basic_string &insert(size_t pos, const C *s);
    basic_string &insert(size_t pos, const C *s, size_t n); basic_string &insert(size_t pos, size_t n, C c);
    iterator insert(const_iterator p, C c); template<class It> iterator insert(const_iterator p, It first, It last);
    basic_string &erase(size_t pos = 0, size_t n = npos); iterator erase(const_iterator p); iterator erase(const_iterator first, const_iterator last);
    basic_string &replace(size_t pos, size_t n, const basic_string &s); basic_string &replace(size_t pos, size_t n, const C *s);
    basic_string &replace(size_t pos, size_t n, const C *s, size_t n2); basic_string &replace(size_t pos, size_t n, size_t n2, C c);
    void swap(basic_string &other) noexcept;
    size_t copy(C *dest, size_t n, size_t pos = 0) const;
    size_t find(const basic_string &s, size_t pos = 0) const noexcept; size_t find(const C *s, size_t pos = 0) const;
    size_t find(const C *s, size_t pos, size_t n) const; size_t find(C c, size_t pos = 0) const noexcept;
    size_t rfind(const basic_string &s, size_t pos = npos) const noexcept; size_t rfind(const C *s, size_t pos = npos) const;
    size_t rfind(const C *s, size_t pos, size_t n) const; size_t rfind(C c, size_t pos = npos) const noexcept;
    size_t find_first_of(const basic_string &s, size_t pos = 0) const noexcept; size_t find_first_of(const C *s, size_t pos = 0) const;
    size_t find_first_of(const C *s, size_t pos, size_t n) const; size_t find_first_of(C c, size_t pos = 0) const noexcept;
    size_t find_last_of(const basic_string &s, size_t pos = npos) const noexcept; size_t find_last_of(const C *s, size_t pos = npos) const;
    size_t find_last_of(const C *s, size_t pos, size_t n) const; size_t find_last_of(C c, size_t pos = npos) const noexcept;
    size_t find_first_not_of(const basic_string &s, size_t pos = 0) const noexcept; size_t find_first_not_of(const C *s, size_t pos = 0) const;
    size_t find_first_not_of(const C *s, size_t pos, size_t n) const; size_t find_first_not_of(C c, size_t pos = 0) const noexcept;
    size_t find_last_not_of(const basic_string &s, size_t pos = npos) const noexcept; size_t find_last_not_of(const C *s, size_t pos = npos) const;
    size_t find_last_not_of(const C *s, size_t pos, size_t n) const; size_t find_last_not_of(C c, size_t pos = npos) const noexcept;
    basic_string substr(size_t pos = 0, size_t n = npos) const;
    int compare(const basic_string &s) const noexcept; int compare(const C *s) const;
    int compare(size_t pos, size_t n, const basic_string &s) const; int compare(size_t pos, size_t n, const C *s) const;
    int compare(size_t pos, size_t n, const basic_string &s, size_t pos2, size_t n2 = npos) const;
    int compare(size_t pos, size_t n, const C *s, size_t n2) const;
  };
  typedef basic_string<char> string;
  typedef basic_string<wchar_t> wstring;
  template<class C> basic_string<C> operator+(const basic_string<C> &a, const basic_string<C> &b);
  template<class C> basic_string<C> operator+(const basic_string<C> &a, const C *b);
  template<class C> basic_string<C> operator+(const C *a, const basic_string<C> &b);
  template<class C> basic_string<C> operator+(const basic_string<C> &a, C b);
  template<class C> basic_string<C> operator+(C a, const basic_string<C> &b);
  template<class C> bool operator==(const basic_string<C> &a, const basic_string<C> &b) noexcept;
  template<class C> bool operator==(const basic_string<C> &a, const C *b);
  template<class C> bool operator==(const C *a, const basic_string<C> &b);
  template<class C> bool operator!=(const basic_string<C> &a, const basic_string<C> &b) noexcept;
  template<class C> bool operator!=(const basic_string<C> &a, const C *b);
  template<class C> bool operator!=(const C *a, const basic_string<C> &b);
  template<class C> bool operator<(const basic_string<C> &a, const basic_string<C> &b) noexcept;
  template<class C> bool operator<(const basic_string<C> &a, const C *b);
  template<class C> bool operator<(const C *a, const basic_string<C> &b);
  template<class C> bool operator>(const basic_string<C> &a, const basic_string<C> &b) noexcept;
  template<class C> bool operator<=(const basic_string<C> &a, const basic_string<C> &b) noexcept;
  template<class C> bool operator>=(const basic_string<C> &a, const basic_string<C> &b) noexcept;
  string to_string(int v); string to_string(long v); string to_string(long long v); string to_string(unsigned v);
  string to_string(unsigned long v); string to_string(unsigned long long v); string to_string(double v);
  wstring to_wstring(int v); wstring to_wstring(long v); wstring to_wstring(long long v); wstring to_wstring(unsigned v);
  wstring to_wstring(unsigned long v); wstring to_wstring(unsigned long long v); wstring to_wstring(double v);
  int stoi(const string &s, size_t *idx = 0, int base = 10); long stol(const string &s, size_t *idx = 0, int base = 10);
  unsigned long stoul(const string &s, size_t *idx = 0, int base = 10); long long stoll(const string &s, size_t *idx = 0, int base = 10);
  double stod(const string &s, size_t *idx = 0);

  template<class C> class basic_string_view {
    const C *__memsafe_pointer;
    size_t __memsafe_length;
  public:
    typedef C value_type; typedef size_t size_type; typedef const C *iterator; typedef const C *const_iterator;
    static const size_t npos = (size_t)-1;
    basic_string_view() noexcept; basic_string_view(const basic_string_view &other) noexcept;
    basic_string_view(const C *s); basic_string_view(const C *s, size_t n); basic_string_view(const basic_string<C> &s) noexcept;
    basic_string_view &operator=(const basic_string_view &other) noexcept;
    const C *data() const noexcept; size_t size() const noexcept; size_t length() const noexcept; bool empty() const noexcept;
    const C &operator[](size_t i) const; const C &at(size_t i) const; const C &front() const; const C &back() const;
    const_iterator begin() const noexcept; const_iterator end() const noexcept;
    void remove_prefix(size_t n); void remove_suffix(size_t n);
    basic_string_view substr(size_t pos = 0, size_t n = npos) const;
    size_t find(basic_string_view s, size_t pos = 0) const noexcept; size_t find(C c, size_t pos = 0) const noexcept;
    int compare(basic_string_view s) const noexcept;
  };
  typedef basic_string_view<char> string_view;
  typedef basic_string_view<wchar_t> wstring_view;
  template<class T> class span {
    T *__memsafe_pointer;
    size_t __memsafe_length;
  public:
    typedef T element_type; typedef T *iterator;
    span() noexcept; span(T *p, size_t n); template<class R> span(R &range); span(const span &other) noexcept;
    span &operator=(const span &other) noexcept;
    T *data() const noexcept; size_t size() const noexcept; bool empty() const noexcept;
    T &operator[](size_t i) const; T &front() const; T &back() const;
    iterator begin() const noexcept; iterator end() const noexcept;
    span subspan(size_t offset, size_t n = (size_t)-1) const; span first(size_t n) const; span last(size_t n) const;
  };

  template<class T, class... A> unique_ptr<T> make_unique(A &&...args);
  template<class T, class... A> shared_ptr<T> make_shared(A &&...args);

  /* <initializer_list>, <type_traits>, <limits>, <iterator>, <algorithm>, <numeric>, <functional>,
   * <tuple>, <bitset>: declared so that code using them resolves (its calls, its overloads); std::min
   * and std::max are lowered as the comparison they make (frontend/CallLowering), the others are
   * functions the analysis does not see into. */
  template<class T> class initializer_list {
    const T *__memsafe_pointer; size_t __memsafe_length;
  public:
    typedef T value_type; typedef const T *iterator; typedef const T *const_iterator; typedef size_t size_type;
    initializer_list() noexcept; size_t size() const noexcept; const T *begin() const noexcept; const T *end() const noexcept;
  };
  template<class T, T v> struct integral_constant { static constexpr T value = v; typedef T value_type; constexpr operator T() const noexcept { return v; } };
  typedef integral_constant<bool, true> true_type;
  typedef integral_constant<bool, false> false_type;
  template<class A, class B> struct is_same : false_type { };
  template<class A> struct is_same<A, A> : true_type { };
  template<class A, class B> inline constexpr bool is_same_v = is_same<A, B>::value;
  template<bool B, class T = void> struct enable_if { };
  template<class T> struct enable_if<true, T> { typedef T type; };
  template<bool B, class T = void> using enable_if_t = typename enable_if<B, T>::type;
  template<bool B, class T, class F> struct conditional { typedef T type; };
  template<class T, class F> struct conditional<false, T, F> { typedef F type; };
  template<bool B, class T, class F> using conditional_t = typename conditional<B, T, F>::type;
  template<class T> struct remove_const { typedef T type; };
  template<class T> struct remove_const<const T> { typedef T type; };
  template<class T> struct remove_volatile { typedef T type; };
  template<class T> struct remove_volatile<volatile T> { typedef T type; };
  template<class T> struct remove_cv { typedef typename remove_volatile<typename remove_const<T>::type>::type type; };
  template<class T> using remove_cv_t = typename remove_cv<T>::type;
  template<class T> using remove_reference_t = typename remove_reference<T>::type;
  template<class T> struct decay { typedef typename remove_cv<typename remove_reference<T>::type>::type type; };
  template<class T> using decay_t = typename decay<T>::type;
  template<class T> struct is_pointer : false_type { };
  template<class T> struct is_pointer<T *> : true_type { };
  template<class T> struct is_integral : false_type { };
  template<> struct is_integral<bool> : true_type { };
  template<> struct is_integral<char> : true_type { };
  template<> struct is_integral<signed char> : true_type { };
  template<> struct is_integral<unsigned char> : true_type { };
  template<> struct is_integral<wchar_t> : true_type { };
  template<> struct is_integral<short> : true_type { };
  template<> struct is_integral<unsigned short> : true_type { };
  template<> struct is_integral<int> : true_type { };
  template<> struct is_integral<unsigned int> : true_type { };
  template<> struct is_integral<long> : true_type { };
  template<> struct is_integral<unsigned long> : true_type { };
  template<> struct is_integral<long long> : true_type { };
  template<> struct is_integral<unsigned long long> : true_type { };
  template<class T> struct is_enum : integral_constant<bool, __is_enum(T)> { };
  template<class T> struct is_class : integral_constant<bool, __is_class(T)> { };
  template<class T> struct underlying_type { typedef __underlying_type(T) type; };
  template<class T> using underlying_type_t = typename underlying_type<T>::type;
  template<class T> typename remove_reference<T>::type &&declval() noexcept;

  enum float_round_style { round_indeterminate = -1, round_toward_zero = 0, round_to_nearest = 1 };
  template<class T> struct numeric_limits {
    static constexpr bool is_specialized = false;
    static constexpr T min() noexcept { return T(); } static constexpr T max() noexcept { return T(); }
    static constexpr T lowest() noexcept { return T(); }
  };
#define __MEMSAFE_LIMITS(T, lo, hi, sig, dig) template<> struct numeric_limits<T> { \
    static constexpr bool is_specialized = true; static constexpr bool is_signed = sig; \
    static constexpr bool is_integer = true; static constexpr int digits = dig; \
    static constexpr T min() noexcept { return lo; } static constexpr T max() noexcept { return hi; } \
    static constexpr T lowest() noexcept { return lo; } };
  __MEMSAFE_LIMITS(bool, false, true, false, 1)
  __MEMSAFE_LIMITS(char, CHAR_MIN, CHAR_MAX, CHAR_MIN < 0, CHAR_MIN < 0 ? 7 : 8)
  __MEMSAFE_LIMITS(signed char, SCHAR_MIN, SCHAR_MAX, true, 7)
  __MEMSAFE_LIMITS(unsigned char, 0, UCHAR_MAX, false, 8)
  __MEMSAFE_LIMITS(wchar_t, WCHAR_MIN, WCHAR_MAX, WCHAR_MIN < 0, WCHAR_MIN < 0 ? 31 : 32)
  __MEMSAFE_LIMITS(short, SHRT_MIN, SHRT_MAX, true, 15)
  __MEMSAFE_LIMITS(unsigned short, 0, USHRT_MAX, false, 16)
  __MEMSAFE_LIMITS(int, INT_MIN, INT_MAX, true, 31)
  __MEMSAFE_LIMITS(unsigned int, 0, UINT_MAX, false, 32)
  __MEMSAFE_LIMITS(long, LONG_MIN, LONG_MAX, true, (int)sizeof(long) * 8 - 1)
  __MEMSAFE_LIMITS(unsigned long, 0, ULONG_MAX, false, (int)sizeof(long) * 8)
  __MEMSAFE_LIMITS(long long, LLONG_MIN, LLONG_MAX, true, 63)
  __MEMSAFE_LIMITS(unsigned long long, 0, ULLONG_MAX, false, 64)
#undef __MEMSAFE_LIMITS

  struct input_iterator_tag { }; struct forward_iterator_tag : input_iterator_tag { };
  struct bidirectional_iterator_tag : forward_iterator_tag { }; struct random_access_iterator_tag : bidirectional_iterator_tag { };
  template<class It> struct iterator_traits {
    typedef typename It::value_type value_type; typedef ptrdiff_t difference_type;
    typedef value_type *pointer; typedef value_type &reference; typedef random_access_iterator_tag iterator_category;
  };
  template<class T> struct iterator_traits<T *> {
    typedef T value_type; typedef ptrdiff_t difference_type; typedef T *pointer; typedef T &reference;
    typedef random_access_iterator_tag iterator_category;
  };
  template<class C> auto begin(C &c) -> decltype(c.begin()); template<class C> auto end(C &c) -> decltype(c.end());
  template<class C> auto begin(const C &c) -> decltype(c.begin()); template<class C> auto end(const C &c) -> decltype(c.end());
  template<class T, size_t N> T *begin(T (&a)[N]) noexcept; template<class T, size_t N> T *end(T (&a)[N]) noexcept;
  template<class C> auto size(const C &c) -> decltype(c.size()); template<class T, size_t N> constexpr size_t size(const T (&a)[N]) noexcept { return N; }
  template<class It> ptrdiff_t distance(It first, It last);
  template<class It, class D> void advance(It &it, D n);
  template<class It> It next(It it, ptrdiff_t n = 1); template<class It> It prev(It it, ptrdiff_t n = 1);
  template<class C> class back_insert_iterator { C *__memsafe_container; };
  template<class C> back_insert_iterator<C> back_inserter(C &c);
  template<class It> class reverse_iterator { It __memsafe_base; };

  template<class T> const T &min(const T &a, const T &b); template<class T> const T &max(const T &a, const T &b);
  template<class T, class Cmp> const T &min(const T &a, const T &b, Cmp cmp); template<class T, class Cmp> const T &max(const T &a, const T &b, Cmp cmp);
  template<class T> T min(initializer_list<T> values); template<class T> T max(initializer_list<T> values);
  template<class T> const T &clamp(const T &v, const T &lo, const T &hi);
  template<class T> void swap(T &a, T &b) noexcept;
  template<class It> void sort(It first, It last); template<class It, class Cmp> void sort(It first, It last, Cmp cmp);
  template<class It> void stable_sort(It first, It last); template<class It, class Cmp> void stable_sort(It first, It last, Cmp cmp);
  template<class It, class T> It find(It first, It last, const T &value);
  template<class It, class P> It find_if(It first, It last, P pred); template<class It, class P> It find_if_not(It first, It last, P pred);
  template<class It, class T> ptrdiff_t count(It first, It last, const T &value); template<class It, class P> ptrdiff_t count_if(It first, It last, P pred);
  template<class It, class P> bool any_of(It first, It last, P pred); template<class It, class P> bool all_of(It first, It last, P pred);
  template<class It, class P> bool none_of(It first, It last, P pred);
  template<class It, class F> F for_each(It first, It last, F f);
  template<class It, class Out, class F> Out transform(It first, It last, Out out, F f);
  template<class It, class Out> Out copy(It first, It last, Out out); template<class It, class Out, class P> Out copy_if(It first, It last, Out out, P pred);
  template<class It, class N, class Out> Out copy_n(It first, N n, Out out);
  template<class It, class T> void fill(It first, It last, const T &value); template<class It, class N, class T> It fill_n(It first, N n, const T &value);
  template<class It> void reverse(It first, It last);
  template<class It, class T> It remove(It first, It last, const T &value); template<class It, class P> It remove_if(It first, It last, P pred);
  template<class It> It unique(It first, It last);
  template<class It, class T> It lower_bound(It first, It last, const T &value); template<class It, class T, class Cmp> It lower_bound(It first, It last, const T &value, Cmp cmp);
  template<class It, class T> It upper_bound(It first, It last, const T &value); template<class It, class T, class Cmp> It upper_bound(It first, It last, const T &value, Cmp cmp);
  template<class It, class T> bool binary_search(It first, It last, const T &value);
  template<class A, class B> bool equal(A first1, A last1, B first2);
  template<class It> It max_element(It first, It last); template<class It> It min_element(It first, It last);
  template<class It, class T> T accumulate(It first, It last, T init); template<class It, class T> void iota(It first, It last, T value);

  template<class F> class function;
  template<class R, class... A> class function<R(A...)> {
    void *__memsafe_target;
  public:
    typedef R result_type;
    function() noexcept; function(decltype(nullptr)) noexcept; function(const function &other); function(function &&other) noexcept;
    template<class F> function(F f); ~function();
    function &operator=(const function &other); function &operator=(function &&other); function &operator=(decltype(nullptr)) noexcept;
    template<class F> function &operator=(F &&f);
    R operator()(A... args) const; explicit operator bool() const noexcept;
  };
  template<class T> class reference_wrapper { T *__memsafe_pointer; public: reference_wrapper(T &t) noexcept; operator T &() const noexcept; T &get() const noexcept; };
  template<class T> reference_wrapper<T> ref(T &t) noexcept; template<class T> reference_wrapper<const T> cref(const T &t) noexcept;

  template<class... T> class tuple { public: tuple(); tuple(const T &...args); };
  template<size_t I, class... T> struct tuple_element;
  template<class... T> tuple<T...> make_tuple(T &&...args); template<class... T> tuple<T &...> tie(T &...args) noexcept;
  template<class A, class B> pair<A, B> make_pair(A a, B b);
  template<size_t N> class bitset {
    unsigned long __memsafe_words[(N + 8 * sizeof(unsigned long) - 1) / (8 * sizeof(unsigned long))];
  public:
    bitset() noexcept; bool test(size_t i) const; bitset &set(size_t i, bool v = true); bitset &set(); bitset &reset(size_t i); bitset &reset();
    bool operator[](size_t i) const; size_t count() const noexcept; size_t size() const noexcept; bool any() const noexcept; bool none() const noexcept;
  };

  /* <atomic>, <mutex>, <condition_variable>, <thread>: declared only (no concurrency is analysed) */
  enum memory_order { memory_order_relaxed, memory_order_consume, memory_order_acquire, memory_order_release, memory_order_acq_rel, memory_order_seq_cst };
  template<class T> struct atomic {
    atomic() noexcept; constexpr atomic(T v) noexcept; atomic(const atomic &) = delete;
    T load(memory_order o = memory_order_seq_cst) const noexcept; void store(T v, memory_order o = memory_order_seq_cst) noexcept;
    operator T() const noexcept; T operator=(T v) noexcept; T exchange(T v, memory_order o = memory_order_seq_cst) noexcept;
    bool compare_exchange_weak(T &expected, T desired, memory_order o = memory_order_seq_cst) noexcept;
    bool compare_exchange_strong(T &expected, T desired, memory_order o = memory_order_seq_cst) noexcept;
    T fetch_add(T v, memory_order o = memory_order_seq_cst) noexcept; T fetch_sub(T v, memory_order o = memory_order_seq_cst) noexcept;
    T operator++() noexcept; T operator++(int) noexcept; T operator--() noexcept; T operator--(int) noexcept;
    T operator+=(T v) noexcept; T operator-=(T v) noexcept;
  };
  typedef atomic<bool> atomic_bool; typedef atomic<int> atomic_int; typedef atomic<unsigned> atomic_uint;
  typedef atomic<long> atomic_long; typedef atomic<size_t> atomic_size_t; typedef atomic<unsigned long long> atomic_uint64_t;
  struct atomic_flag { bool test_and_set(memory_order o = memory_order_seq_cst) noexcept; void clear(memory_order o = memory_order_seq_cst) noexcept; };
  void atomic_thread_fence(memory_order o) noexcept; void atomic_signal_fence(memory_order o) noexcept;
  class mutex { public: constexpr mutex() noexcept; ~mutex(); void lock(); void unlock(); bool try_lock(); };
  class recursive_mutex { public: recursive_mutex(); ~recursive_mutex(); void lock(); void unlock(); bool try_lock(); };
  class shared_mutex { public: shared_mutex(); ~shared_mutex(); void lock(); void unlock(); void lock_shared(); void unlock_shared(); };
  struct defer_lock_t { }; struct adopt_lock_t { };
  template<class M> class lock_guard { M *__memsafe_mutex; public: explicit lock_guard(M &m); lock_guard(M &m, adopt_lock_t t); ~lock_guard(); };
  template<class M> class unique_lock {
    M *__memsafe_mutex;
  public:
    unique_lock() noexcept; explicit unique_lock(M &m); unique_lock(M &m, defer_lock_t t) noexcept; unique_lock(unique_lock &&other) noexcept; ~unique_lock();
    void lock(); void unlock(); bool owns_lock() const noexcept; M *mutex() const noexcept;
  };
  template<class... M> class scoped_lock { public: explicit scoped_lock(M &...m); ~scoped_lock(); };
  struct once_flag { constexpr once_flag() noexcept; };
  template<class F, class... A> void call_once(once_flag &flag, F &&f, A &&...args);
  enum class cv_status { no_timeout, timeout };
  class condition_variable {
  public:
    condition_variable(); ~condition_variable(); void notify_one() noexcept; void notify_all() noexcept;
    void wait(unique_lock<mutex> &lock); template<class P> void wait(unique_lock<mutex> &lock, P pred);
  };
  class thread {
  public:
    class id { }; thread() noexcept; template<class F, class... A> explicit thread(F &&f, A &&...args); thread(thread &&other) noexcept; ~thread();
    thread &operator=(thread &&other) noexcept; bool joinable() const noexcept; void join(); void detach(); id get_id() const noexcept;
    static unsigned hardware_concurrency() noexcept;
  };
  namespace this_thread { thread::id get_id() noexcept; void yield() noexcept; }

  /* <ratio>, <chrono>: durations and clocks, declared only */
  template<long long Num, long long Den = 1> struct ratio { static constexpr long long num = Num; static constexpr long long den = Den; };
  typedef ratio<1, 1000000000> nano; typedef ratio<1, 1000000> micro; typedef ratio<1, 1000> milli;
  namespace chrono {
    template<class Rep, class Period = ratio<1> > class duration {
      Rep __memsafe_count;
    public:
      typedef Rep rep; typedef Period period;
      constexpr duration(); template<class R2> constexpr explicit duration(const R2 &r);
      template<class R2, class P2> constexpr duration(const duration<R2, P2> &d);
      constexpr Rep count() const; static constexpr duration zero();
      duration operator-() const; duration &operator+=(const duration &d); duration &operator-=(const duration &d);
    };
    template<class R1, class P1, class R2, class P2> duration<R1, P1> operator+(const duration<R1, P1> &a, const duration<R2, P2> &b);
    template<class R1, class P1, class R2, class P2> duration<R1, P1> operator-(const duration<R1, P1> &a, const duration<R2, P2> &b);
    template<class R1, class P1, class R2> duration<R1, P1> operator*(const duration<R1, P1> &a, const R2 &b);
    template<class R1, class P1, class R2, class P2> bool operator<(const duration<R1, P1> &a, const duration<R2, P2> &b);
    template<class R1, class P1, class R2, class P2> bool operator>(const duration<R1, P1> &a, const duration<R2, P2> &b);
    template<class R1, class P1, class R2, class P2> bool operator<=(const duration<R1, P1> &a, const duration<R2, P2> &b);
    template<class R1, class P1, class R2, class P2> bool operator>=(const duration<R1, P1> &a, const duration<R2, P2> &b);
    template<class R1, class P1, class R2, class P2> bool operator==(const duration<R1, P1> &a, const duration<R2, P2> &b);
    template<class R1, class P1, class R2, class P2> bool operator!=(const duration<R1, P1> &a, const duration<R2, P2> &b);
    typedef duration<long long, nano> nanoseconds; typedef duration<long long, micro> microseconds;
    typedef duration<long long, milli> milliseconds; typedef duration<long long> seconds;
    typedef duration<long long, ratio<60> > minutes; typedef duration<long long, ratio<3600> > hours;
    template<class To, class R, class P> To duration_cast(const duration<R, P> &d);
    template<class Clock, class Dur> class time_point {
      Dur __memsafe_since_epoch;
    public:
      typedef Clock clock; typedef Dur duration;
      constexpr time_point(); constexpr explicit time_point(const Dur &d); Dur time_since_epoch() const;
      time_point &operator+=(const Dur &d); time_point &operator-=(const Dur &d);
    };
    template<class C, class D1, class D2> D1 operator-(const time_point<C, D1> &a, const time_point<C, D2> &b);
    template<class C, class D1, class R, class P> time_point<C, D1> operator+(const time_point<C, D1> &a, const duration<R, P> &d);
    template<class C, class D1, class R, class P> time_point<C, D1> operator-(const time_point<C, D1> &a, const duration<R, P> &d);
    template<class C, class D1, class D2> bool operator<(const time_point<C, D1> &a, const time_point<C, D2> &b);
    template<class C, class D1, class D2> bool operator>(const time_point<C, D1> &a, const time_point<C, D2> &b);
    template<class C, class D1, class D2> bool operator<=(const time_point<C, D1> &a, const time_point<C, D2> &b);
    template<class C, class D1, class D2> bool operator>=(const time_point<C, D1> &a, const time_point<C, D2> &b);
    template<class C, class D1, class D2> bool operator==(const time_point<C, D1> &a, const time_point<C, D2> &b);
    template<class C, class D1, class D2> bool operator!=(const time_point<C, D1> &a, const time_point<C, D2> &b);
    struct system_clock {
      typedef nanoseconds duration; typedef long long rep; typedef nano period; typedef chrono::time_point<system_clock, nanoseconds> time_point;
      static time_point now() noexcept; static time_t to_time_t(const time_point &t) noexcept; static time_point from_time_t(time_t t) noexcept;
    };
    struct steady_clock {
      typedef nanoseconds duration; typedef long long rep; typedef nano period; typedef chrono::time_point<steady_clock, nanoseconds> time_point;
      static time_point now() noexcept;
    };
    typedef steady_clock high_resolution_clock;
  }
  namespace this_thread { template<class R, class P> void sleep_for(const chrono::duration<R, P> &d); }

  /* <optional>, <ios>, <ostream>, <istream>, <iostream>, <sstream>, <fstream>, <iomanip>: declared only */
  struct nullopt_t { explicit constexpr nullopt_t(int) { } };
  inline constexpr nullopt_t nullopt{0};
  template<class T> class optional {
    T __memsafe_value; bool __memsafe_engaged;
  public:
    typedef T value_type;
    optional() noexcept; optional(nullopt_t) noexcept; optional(const T &v); optional(const optional &other); ~optional();
    optional &operator=(const optional &other); optional &operator=(nullopt_t) noexcept; template<class U> optional &operator=(U &&v);
    bool has_value() const noexcept; explicit operator bool() const noexcept;
    T &value(); const T &value() const; T &operator*(); const T &operator*() const; T *operator->(); const T *operator->() const;
    template<class U> T value_or(U &&fallback) const; void reset() noexcept; template<class... A> T &emplace(A &&...args);
  };
  class ios_base {
  public:
    typedef int openmode; typedef int fmtflags; typedef int iostate;
    static const openmode app = 1, ate = 2, binary = 4, in = 8, out = 16, trunc = 32;
    fmtflags flags() const; fmtflags flags(fmtflags f); long precision() const; long precision(long p); long width() const; long width(long w);
    bool good() const; bool fail() const; bool bad() const; bool eof() const; void clear(); explicit operator bool() const;
  };
  ios_base &hex(ios_base &s); ios_base &dec(ios_base &s); ios_base &oct(ios_base &s); ios_base &fixed(ios_base &s);
  ios_base &scientific(ios_base &s); ios_base &boolalpha(ios_base &s); ios_base &left(ios_base &s); ios_base &right(ios_base &s);
  template<class C> class basic_ostream : public ios_base {
  public:
    typedef C char_type;
    basic_ostream &operator<<(bool v); basic_ostream &operator<<(short v); basic_ostream &operator<<(unsigned short v);
    basic_ostream &operator<<(int v); basic_ostream &operator<<(unsigned v); basic_ostream &operator<<(long v);
    basic_ostream &operator<<(unsigned long v); basic_ostream &operator<<(long long v); basic_ostream &operator<<(unsigned long long v);
    basic_ostream &operator<<(float v); basic_ostream &operator<<(double v); basic_ostream &operator<<(long double v);
    basic_ostream &operator<<(const void *p); basic_ostream &operator<<(decltype(nullptr));
    basic_ostream &operator<<(basic_ostream &(*manip)(basic_ostream &)); basic_ostream &operator<<(ios_base &(*manip)(ios_base &));
    basic_ostream &put(C c); basic_ostream &write(const C *s, long n); basic_ostream &flush();
  };
  template<class C> basic_ostream<C> &operator<<(basic_ostream<C> &os, const C *s);
  template<class C> basic_ostream<C> &operator<<(basic_ostream<C> &os, C c);
  template<class C> basic_ostream<C> &operator<<(basic_ostream<C> &os, const basic_string<C> &s);
  template<class C> basic_ostream<C> &operator<<(basic_ostream<C> &os, basic_string_view<C> s);
  template<class C> basic_ostream<C> &endl(basic_ostream<C> &os); template<class C> basic_ostream<C> &ends(basic_ostream<C> &os);
  template<class C> basic_ostream<C> &flush(basic_ostream<C> &os);
  template<class C> class basic_istream : public ios_base {
  public:
    typedef C char_type;
    basic_istream &operator>>(bool &v); basic_istream &operator>>(short &v); basic_istream &operator>>(unsigned short &v);
    basic_istream &operator>>(int &v); basic_istream &operator>>(unsigned &v); basic_istream &operator>>(long &v);
    basic_istream &operator>>(unsigned long &v); basic_istream &operator>>(long long &v); basic_istream &operator>>(unsigned long long &v);
    basic_istream &operator>>(float &v); basic_istream &operator>>(double &v); basic_istream &operator>>(ios_base &(*manip)(ios_base &));
    int get(); basic_istream &get(C &c); int peek(); basic_istream &ignore(long n = 1, int delim = -1);
    basic_istream &read(C *s, long n); long gcount() const; basic_istream &getline(C *s, long n); basic_istream &getline(C *s, long n, C delim);
  };
  template<class C> basic_istream<C> &operator>>(basic_istream<C> &is, basic_string<C> &s);
  template<class C> basic_istream<C> &getline(basic_istream<C> &is, basic_string<C> &s);
  template<class C> basic_istream<C> &getline(basic_istream<C> &is, basic_string<C> &s, C delim);
  template<class C> class basic_iostream : public basic_istream<C>, public basic_ostream<C> { };
  typedef basic_ostream<char> ostream; typedef basic_ostream<wchar_t> wostream;
  typedef basic_istream<char> istream; typedef basic_istream<wchar_t> wistream; typedef basic_iostream<char> iostream;
  extern ostream cout, cerr, clog; extern wostream wcout, wcerr; extern istream cin; extern wistream wcin;
  template<class C> class basic_ostringstream : public basic_ostream<C> {
  public: basic_ostringstream(); explicit basic_ostringstream(const basic_string<C> &s); ~basic_ostringstream(); basic_string<C> str() const; void str(const basic_string<C> &s);
  };
  template<class C> class basic_istringstream : public basic_istream<C> {
  public: basic_istringstream(); explicit basic_istringstream(const basic_string<C> &s); ~basic_istringstream(); basic_string<C> str() const; void str(const basic_string<C> &s);
  };
  template<class C> class basic_stringstream : public basic_iostream<C> {
  public: basic_stringstream(); explicit basic_stringstream(const basic_string<C> &s); ~basic_stringstream(); basic_string<C> str() const; void str(const basic_string<C> &s);
  };
  typedef basic_ostringstream<char> ostringstream; typedef basic_ostringstream<wchar_t> wostringstream;
  typedef basic_istringstream<char> istringstream; typedef basic_istringstream<wchar_t> wistringstream;
  typedef basic_stringstream<char> stringstream; typedef basic_stringstream<wchar_t> wstringstream;
  template<class C> class basic_ifstream : public basic_istream<C> {
  public:
    basic_ifstream(); explicit basic_ifstream(const char *name, ios_base::openmode m = ios_base::in);
    explicit basic_ifstream(const basic_string<char> &name, ios_base::openmode m = ios_base::in); ~basic_ifstream();
    void open(const char *name, ios_base::openmode m = ios_base::in); void open(const basic_string<char> &name, ios_base::openmode m = ios_base::in);
    bool is_open() const; void close();
  };
  template<class C> class basic_ofstream : public basic_ostream<C> {
  public:
    basic_ofstream(); explicit basic_ofstream(const char *name, ios_base::openmode m = ios_base::out);
    explicit basic_ofstream(const basic_string<char> &name, ios_base::openmode m = ios_base::out); ~basic_ofstream();
    void open(const char *name, ios_base::openmode m = ios_base::out); void open(const basic_string<char> &name, ios_base::openmode m = ios_base::out);
    bool is_open() const; void close();
  };
  template<class C> class basic_fstream : public basic_iostream<C> {
  public:
    basic_fstream(); explicit basic_fstream(const char *name, ios_base::openmode m = ios_base::in | ios_base::out); ~basic_fstream();
    void open(const char *name, ios_base::openmode m = ios_base::in | ios_base::out); bool is_open() const; void close();
  };
  typedef basic_ifstream<char> ifstream; typedef basic_ofstream<char> ofstream; typedef basic_fstream<char> fstream;
  typedef basic_ifstream<wchar_t> wifstream; typedef basic_ofstream<wchar_t> wofstream;
  struct __memsafe_setw { int n; }; __memsafe_setw setw(int n); __memsafe_setw setprecision(int n);
  template<class C> basic_ostream<C> &operator<<(basic_ostream<C> &os, __memsafe_setw m);
  template<class C> struct __memsafe_setfill { C c; }; template<class C> __memsafe_setfill<C> setfill(C c);
  template<class C> basic_ostream<C> &operator<<(basic_ostream<C> &os, __memsafe_setfill<C> m);
}
#endif

/* <inttypes.h>: the printf/scanf conversion macros of the LP64 data model (glibc's values) */
#define PRId8 "d"
#define PRIdLEAST8 "d"
#define PRIdFAST8 "d"
#define PRId16 "d"
#define PRIdLEAST16 "d"
#define PRIdFAST16 "ld"
#define PRId32 "d"
#define PRIdLEAST32 "d"
#define PRIdFAST32 "ld"
#define PRId64 "ld"
#define PRIdLEAST64 "ld"
#define PRIdFAST64 "ld"
#define PRIdMAX "ld"
#define PRIdPTR "ld"
#define PRIi8 "i"
#define PRIiLEAST8 "i"
#define PRIiFAST8 "i"
#define PRIi16 "i"
#define PRIiLEAST16 "i"
#define PRIiFAST16 "li"
#define PRIi32 "i"
#define PRIiLEAST32 "i"
#define PRIiFAST32 "li"
#define PRIi64 "li"
#define PRIiLEAST64 "li"
#define PRIiFAST64 "li"
#define PRIiMAX "li"
#define PRIiPTR "li"
#define PRIo8 "o"
#define PRIoLEAST8 "o"
#define PRIoFAST8 "o"
#define PRIo16 "o"
#define PRIoLEAST16 "o"
#define PRIoFAST16 "lo"
#define PRIo32 "o"
#define PRIoLEAST32 "o"
#define PRIoFAST32 "lo"
#define PRIo64 "lo"
#define PRIoLEAST64 "lo"
#define PRIoFAST64 "lo"
#define PRIoMAX "lo"
#define PRIoPTR "lo"
#define PRIu8 "u"
#define PRIuLEAST8 "u"
#define PRIuFAST8 "u"
#define PRIu16 "u"
#define PRIuLEAST16 "u"
#define PRIuFAST16 "lu"
#define PRIu32 "u"
#define PRIuLEAST32 "u"
#define PRIuFAST32 "lu"
#define PRIu64 "lu"
#define PRIuLEAST64 "lu"
#define PRIuFAST64 "lu"
#define PRIuMAX "lu"
#define PRIuPTR "lu"
#define PRIx8 "x"
#define PRIxLEAST8 "x"
#define PRIxFAST8 "x"
#define PRIx16 "x"
#define PRIxLEAST16 "x"
#define PRIxFAST16 "lx"
#define PRIx32 "x"
#define PRIxLEAST32 "x"
#define PRIxFAST32 "lx"
#define PRIx64 "lx"
#define PRIxLEAST64 "lx"
#define PRIxFAST64 "lx"
#define PRIxMAX "lx"
#define PRIxPTR "lx"
#define PRIX8 "X"
#define PRIXLEAST8 "X"
#define PRIXFAST8 "X"
#define PRIX16 "X"
#define PRIXLEAST16 "X"
#define PRIXFAST16 "lX"
#define PRIX32 "X"
#define PRIXLEAST32 "X"
#define PRIXFAST32 "lX"
#define PRIX64 "lX"
#define PRIXLEAST64 "lX"
#define PRIXFAST64 "lX"
#define PRIXMAX "lX"
#define PRIXPTR "lX"
#define SCNd8 "hhd"
#define SCNdLEAST8 "hhd"
#define SCNdFAST8 "hhd"
#define SCNd16 "hd"
#define SCNdLEAST16 "hd"
#define SCNdFAST16 "ld"
#define SCNd32 "d"
#define SCNdLEAST32 "d"
#define SCNdFAST32 "ld"
#define SCNd64 "ld"
#define SCNdLEAST64 "ld"
#define SCNdFAST64 "ld"
#define SCNdMAX "ld"
#define SCNdPTR "ld"
#define SCNi8 "hhi"
#define SCNiLEAST8 "hhi"
#define SCNiFAST8 "hhi"
#define SCNi16 "hi"
#define SCNiLEAST16 "hi"
#define SCNiFAST16 "li"
#define SCNi32 "i"
#define SCNiLEAST32 "i"
#define SCNiFAST32 "li"
#define SCNi64 "li"
#define SCNiLEAST64 "li"
#define SCNiFAST64 "li"
#define SCNiMAX "li"
#define SCNiPTR "li"
#define SCNo8 "hho"
#define SCNoLEAST8 "hho"
#define SCNoFAST8 "hho"
#define SCNo16 "ho"
#define SCNoLEAST16 "ho"
#define SCNoFAST16 "lo"
#define SCNo32 "o"
#define SCNoLEAST32 "o"
#define SCNoFAST32 "lo"
#define SCNo64 "lo"
#define SCNoLEAST64 "lo"
#define SCNoFAST64 "lo"
#define SCNoMAX "lo"
#define SCNoPTR "lo"
#define SCNu8 "hhu"
#define SCNuLEAST8 "hhu"
#define SCNuFAST8 "hhu"
#define SCNu16 "hu"
#define SCNuLEAST16 "hu"
#define SCNuFAST16 "lu"
#define SCNu32 "u"
#define SCNuLEAST32 "u"
#define SCNuFAST32 "lu"
#define SCNu64 "lu"
#define SCNuLEAST64 "lu"
#define SCNuFAST64 "lu"
#define SCNuMAX "lu"
#define SCNuPTR "lu"
#define SCNx8 "hhx"
#define SCNxLEAST8 "hhx"
#define SCNxFAST8 "hhx"
#define SCNx16 "hx"
#define SCNxLEAST16 "hx"
#define SCNxFAST16 "lx"
#define SCNx32 "x"
#define SCNxLEAST32 "x"
#define SCNxFAST32 "lx"
#define SCNx64 "lx"
#define SCNxLEAST64 "lx"
#define SCNxFAST64 "lx"
#define SCNxMAX "lx"
#define SCNxPTR "lx"

#endif /* MEMSAFE_PRELUDE_H */
