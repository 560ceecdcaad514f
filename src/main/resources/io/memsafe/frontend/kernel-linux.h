/* memsafe bundled Linux kernel prelude: the types, constants and prototypes of the kernel APIs that
 * driver code needs to parse and that the analysis models, written from the kernel's public
 * documentation (no kernel header is copied). Served for every <linux/...> and <asm/...> header when
 * no real one is found, so a module scans on any machine without a kernel tree. The semantics of
 * the functions come from the analysis's kernel models, not from here. */
#ifndef MEMSAFE_KERNEL_LINUX_H
#define MEMSAFE_KERNEL_LINUX_H

#include <stddef.h>
#include <string.h>

#define __MEMSAFE_KERNEL_LINUX__ 1
#define __KERNEL__ 1
#define __user
#define __kernel
#define __iomem
#define __force
#define __rcu
#define __percpu
#define __init
#define __exit
#define __initdata
#define __must_check
#define __always_inline inline
#define noinline
#define __maybe_unused
#define __used
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __printf(a, b)
#define __cold
#define __read_mostly
#define __ro_after_init
/* per-CPU variables: one copy stands for every CPU's */
#define DEFINE_PER_CPU(type, name) __typeof__(type) name
#define DECLARE_PER_CPU(type, name) extern __typeof__(type) name
#define per_cpu(var, cpu) (var)
#define per_cpu_ptr(ptr, cpu) (ptr)
#define this_cpu_ptr(ptr) (ptr)
#define get_cpu_var(var) (var)
#define put_cpu_var(var) ((void)0)
#define this_cpu_read(var) (var)
#define this_cpu_write(var, v) ((var) = (v))
#define this_cpu_inc(var) ((var)++)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define for_each_online_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define for_each_present_cpu(cpu) for ((cpu) = 0; (cpu) < 1; (cpu)++)
#define __randomize_layout
#define notrace
#define asmlinkage
#define likely(x) (x)
#define unlikely(x) (x)
#define READ_ONCE(x) (x)
#define WRITE_ONCE(x, v) ((x) = (v))
#define barrier() ((void)0)
#define BUG() __memsafe_kernel_bug()
#define BUG_ON(c) do { if (c) __memsafe_kernel_bug(); } while (0)
#define WARN_ON(c) (c)
#define WARN_ON_ONCE(c) (c)
#define BUILD_BUG_ON(c)
void __memsafe_kernel_bug(void) __attribute__((noreturn));

typedef unsigned char u8, __u8;
typedef signed char s8, __s8;
typedef unsigned short u16, __u16, __le16, __be16;
typedef short s16, __s16;
typedef unsigned int u32, __u32, __le32, __be32, gfp_t, fmode_t;
typedef int s32, __s32;
typedef unsigned long long u64, __u64, __le64, __be64;
typedef long long s64, __s64;
typedef long long loff_t;
typedef unsigned short umode_t;
typedef unsigned long kernel_ulong_t;
typedef struct { int counter; } atomic_t;
typedef struct { long counter; } atomic64_t;
typedef struct { int rlock; } spinlock_t;
struct mutex { int count; };
struct list_head { struct list_head *next, *prev; };
struct hlist_node { struct hlist_node *next, **pprev; };
struct hlist_head { struct hlist_node *first; };
struct rcu_head { struct rcu_head *next; void (*func)(struct rcu_head *); };
struct kref { atomic_t refcount; };
struct work_struct { long data; struct list_head entry; void (*func)(struct work_struct *); };
struct timer_list { struct hlist_node entry; unsigned long expires; void (*function)(struct timer_list *); unsigned int flags; };

#define GFP_KERNEL 0x0cc0u
#define GFP_ATOMIC 0x0820u
#define GFP_NOWAIT 0x0800u
#define GFP_USER 0x0cc0u
#define __GFP_ZERO 0x100u
#define __GFP_NOWARN 0x200u
#define PAGE_SIZE 4096UL
#define PAGE_SHIFT 12
#define SIZE_MAX (~(size_t)0)
#define INT_MAX 2147483647
#define UINT_MAX 4294967295U
#define ULONG_MAX (~0UL)
#define U32_MAX ((u32)~0U)
#define U16_MAX ((u16)~0U)
#define U8_MAX ((u8)~0U)
#define EPERM 1
#define ENOENT 2
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define EAGAIN 11
#define ENOMEM 12
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define ENODEV 19
#define EINVAL 22
#define ENOSPC 28
#define ERANGE 34
#define ENOSYS 38
#define EOVERFLOW 75
#define ENOTTY 25
#define EMSGSIZE 90
#define EOPNOTSUPP 95
#define ENOIOCTLCMD 515
#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-4095)
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr) { return IS_ERR_VALUE((unsigned long)ptr); }
static inline bool IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR_VALUE((unsigned long)ptr); }

/* ---- address computations: container_of reads nothing */
#define offsetof(t, m) __builtin_offsetof(t, m)
#define container_of(ptr, type, member) ((type *)__memsafe_containing_record((void *)(ptr), __builtin_offsetof(type, member)))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define min_t(t, a, b) ((t)(a) < (t)(b) ? (t)(a) : (t)(b))
#define max_t(t, a, b) ((t)(a) > (t)(b) ? (t)(a) : (t)(b))
#define clamp(v, lo, hi) min(max(v, lo), hi)
#define array_index_nospec(i, n) (i)
#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
#define check_sub_overflow(a, b, d) __builtin_sub_overflow(a, b, d)
#define check_mul_overflow(a, b, d) __builtin_mul_overflow(a, b, d)
#define struct_size(p, member, n) __memsafe_struct_size(sizeof(*(p)), sizeof(*(p)->member), (n))
#define array_size(a, b) __memsafe_array_size((a), (b))
size_t __memsafe_struct_size(size_t base, size_t element, size_t n);
size_t __memsafe_array_size(size_t a, size_t b);
void *__memsafe_containing_record(void *address, unsigned long offset);

/* ---- user memory */
/* <asm/byteorder.h>: integers in a fixed byte order, read from a device, a packet or a user buffer */
u16 le16_to_cpu(__le16 x); u16 be16_to_cpu(__be16 x);
u32 le32_to_cpu(__le32 x); u32 be32_to_cpu(__be32 x);
u64 le64_to_cpu(__le64 x); u64 be64_to_cpu(__be64 x);
u16 swab16(u16 x); u32 swab32(u32 x); u64 swab64(u64 x);
__le16 cpu_to_le16(u16 x); __be16 cpu_to_be16(u16 x);
__le32 cpu_to_le32(u32 x); __be32 cpu_to_be32(u32 x);
__le64 cpu_to_le64(u64 x); __be64 cpu_to_be64(u64 x);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long __copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long __copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long raw_copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long clear_user(void __user *to, unsigned long n);
void *memdup_user(const void __user *src, size_t len);
void *vmemdup_user(const void __user *src, size_t len);
char *strndup_user(const char __user *s, long n);
ssize_t strscpy(char *dst, const char *src, size_t count);
long strncpy_from_user(char *dst, const char __user *src, long count);
long strnlen_user(const char __user *str, long n);
int access_ok(const void __user *addr, unsigned long size);
int __memsafe_get_user(void *x, const void __user *ptr, unsigned long size);
int __memsafe_put_user(const void *x, void __user *ptr, unsigned long size);
#define get_user(x, ptr) __memsafe_get_user(&(x), (ptr), sizeof(x))
#define __get_user(x, ptr) __memsafe_get_user(&(x), (ptr), sizeof(x))
#define put_user(x, ptr) ({ __typeof__(*(ptr)) __memsafe_pu = (x); __memsafe_put_user(&__memsafe_pu, (ptr), sizeof(*(ptr))); })
#define __put_user(x, ptr) put_user(x, ptr)

/* ---- slab */
void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void *kmalloc_array(size_t n, size_t size, gfp_t flags);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void *kvmalloc(size_t size, gfp_t flags);
void *kvzalloc(size_t size, gfp_t flags);
void *kvcalloc(size_t n, size_t size, gfp_t flags);
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
char *kstrdup(const char *s, gfp_t gfp);
void kfree(const void *objp);
void kvfree(const void *addr);
void kfree_sensitive(const void *objp);
void vfree(const void *addr);
struct device;
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);
void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);
struct kmem_cache;
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t flags);
void *kmem_cache_zalloc(struct kmem_cache *cache, gfp_t flags);
void kmem_cache_free(struct kmem_cache *cache, void *objp);

/* ---- lists */
#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
static inline void INIT_LIST_HEAD(struct list_head *list) { list->next = list; list->prev = list; }
static inline void list_add(struct list_head *n, struct list_head *head) {
    struct list_head *next = head->next;
    next->prev = n; n->next = next; n->prev = head; head->next = n;
}
static inline void list_add_tail(struct list_head *n, struct list_head *head) {
    struct list_head *prev = head->prev;
    head->prev = n; n->next = head; n->prev = prev; prev->next = n;
}
static inline void list_del(struct list_head *entry) {
    entry->next->prev = entry->prev; entry->prev->next = entry->next;
    entry->next = NULL; entry->prev = NULL;
}
static inline int list_empty(const struct list_head *head) { return head->next == head; }
#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, n, head) for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
#define list_for_each_entry(pos, head, member) \
    for (pos = list_first_entry(head, __typeof__(*pos), member); &pos->member != (head); pos = list_entry(pos->member.next, __typeof__(*pos), member))
#define list_for_each_entry_safe(pos, n, head, member) \
    for (pos = list_first_entry(head, __typeof__(*pos), member), n = list_entry(pos->member.next, __typeof__(*pos), member); \
         &pos->member != (head); pos = n, n = list_entry(n->member.next, __typeof__(*n), member))

/* ---- files, devices, modules */
/* device numbers: 12 bits of major, 20 of minor */
typedef u32 dev_t;
#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))
struct cdev;
struct inode { unsigned long i_ino; void *i_private; dev_t i_rdev; struct cdev *i_cdev; };
#define iminor(inode) MINOR((inode)->i_rdev)
#define imajor(inode) MAJOR((inode)->i_rdev)
struct file { void *private_data; unsigned int f_flags; fmode_t f_mode; loff_t f_pos; struct inode *f_inode; };
struct poll_table_struct;
struct vm_area_struct;
struct module;
struct file_operations {
    struct module *owner;
    loff_t (*llseek)(struct file *, loff_t, int);
    ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
    ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
    unsigned int (*poll)(struct file *, struct poll_table_struct *);
    long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
    long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
    int (*mmap)(struct file *, struct vm_area_struct *);
    int (*open)(struct inode *, struct file *);
    int (*flush)(struct file *, void *);
    int (*release)(struct inode *, struct file *);
};
struct miscdevice { int minor; const char *name; const struct file_operations *fops; struct list_head list; struct device *parent; struct device *this_device; const char *nodename; umode_t mode; };
#define MISC_DYNAMIC_MINOR 255
int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);
/* character devices: a struct cdev embedded in the driver's per-device structure, a region of numbers */
struct cdev { struct module *owner; const struct file_operations *ops; dev_t dev; unsigned int count; };
void cdev_init(struct cdev *cdev, const struct file_operations *fops);
int cdev_add(struct cdev *p, dev_t dev, unsigned int count);
void cdev_del(struct cdev *p);
int register_chrdev_region(dev_t from, unsigned int count, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned int count);
struct device_attribute { struct { const char *name; umode_t mode; } attr;
    ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
    ssize_t (*store)(struct device *dev, struct device_attribute *attr, const char *buf, size_t count); };
struct kobject;
struct kobj_attribute { struct { const char *name; umode_t mode; } attr;
    ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
    ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count); };
#define __ATTR(_name, _mode, _show, _store) { .attr = { .name = #_name, .mode = _mode }, .show = _show, .store = _store }
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_RO(_name) { .attr = { .name = #_name, .mode = 0444 }, .show = _name##_show }
#define __ATTR_WO(_name) { .attr = { .name = #_name, .mode = 0200 }, .store = _name##_store }
#define DEVICE_ATTR(_name, _mode, _show, _store) struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_WO(_name) struct device_attribute dev_attr_##_name = __ATTR_WO(_name)
struct module { const char *name; int state; };
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#define MODULE_LICENSE(x)
#define MODULE_AUTHOR(x)
#define MODULE_DESCRIPTION(x)
#define MODULE_VERSION(x)
#define MODULE_ALIAS(x)
#define MODULE_DEVICE_TABLE(t, n)
/* system calls: the body the kernel's macros name __do_sys_NAME, every argument the caller's */
#define SYSCALL_DEFINE0(name) long __do_sys_##name(void)
#define SYSCALL_DEFINE1(name, t1, a1) long __do_sys_##name(t1 a1)
#define SYSCALL_DEFINE2(name, t1, a1, t2, a2) long __do_sys_##name(t1 a1, t2 a2)
#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3) long __do_sys_##name(t1 a1, t2 a2, t3 a3)
#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4) long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4)
#define SYSCALL_DEFINE5(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5)
#define SYSCALL_DEFINE6(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) long __do_sys_##name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6)
#define module_param(n, t, p)
#define MODULE_PARM_DESC(n, d)
#define module_init(f) int init_module(void) { return f(); }
#define module_exit(f) void cleanup_module(void) { f(); }
#define EXPORT_SYMBOL(s)
#define EXPORT_SYMBOL_GPL(s)
#define LINUX_VERSION_CODE 0x060600
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + (c))
#define KERN_EMERG "0"
#define KERN_ALERT "1"
#define KERN_CRIT "2"
#define KERN_ERR "3"
#define KERN_WARNING "4"
#define KERN_NOTICE "5"
#define KERN_INFO "6"
#define KERN_DEBUG "7"
#define KERN_CONT "c"
int printk(const char *fmt, ...);
#define pr_emerg(...) printk(__VA_ARGS__)
#define pr_alert(...) printk(__VA_ARGS__)
#define pr_crit(...) printk(__VA_ARGS__)
#define pr_err(...) printk(__VA_ARGS__)
#define pr_warn(...) printk(__VA_ARGS__)
#define pr_notice(...) printk(__VA_ARGS__)
#define pr_info(...) printk(__VA_ARGS__)
#define pr_debug(...) printk(__VA_ARGS__)
#define pr_cont(...) printk(__VA_ARGS__)
#define dev_err(d, ...) printk(__VA_ARGS__)
#define dev_warn(d, ...) printk(__VA_ARGS__)
#define dev_info(d, ...) printk(__VA_ARGS__)
#define dev_dbg(d, ...) printk(__VA_ARGS__)
int sprintf(char *buf, const char *fmt, ...);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int scnprintf(char *buf, size_t size, const char *fmt, ...);
int sysfs_emit(char *buf, const char *fmt, ...);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtouint(const char *s, unsigned int base, unsigned int *res);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtol(const char *s, unsigned int base, long *res);
int kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int kstrtoll(const char *s, unsigned int base, long long *res);
int kstrtou8(const char *s, unsigned int base, u8 *res);
int kstrtou16(const char *s, unsigned int base, u16 *res);
int kstrtou32(const char *s, unsigned int base, u32 *res);
int kstrtos32(const char *s, unsigned int base, s32 *res);
int kstrtobool(const char *s, bool *res);
void mutex_init(struct mutex *lock);
void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
#define DEFINE_MUTEX(m) struct mutex m = { 0 }
void spin_lock_init(spinlock_t *lock);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
/* the irqsave forms are macros that store the saved flags into their second argument */
unsigned long __memsafe_irq_flags(void);
#define spin_lock_irqsave(l, f) ((f) = __memsafe_irq_flags(), spin_lock(l))
#define spin_unlock_irqrestore(l, f) ((void)(f), spin_unlock(l))
typedef struct { int lock; } rwlock_t;
void read_lock(rwlock_t *l);
void read_unlock(rwlock_t *l);
void write_lock(rwlock_t *l);
void write_unlock(rwlock_t *l);
#define DEFINE_RWLOCK(l) rwlock_t l = { 0 }
#define read_lock_irqsave(l, f) ((f) = __memsafe_irq_flags(), read_lock(l))
#define read_unlock_irqrestore(l, f) ((void)(f), read_unlock(l))
#define write_lock_irqsave(l, f) ((f) = __memsafe_irq_flags(), write_lock(l))
#define write_unlock_irqrestore(l, f) ((void)(f), write_unlock(l))
#define local_irq_save(f) ((f) = __memsafe_irq_flags())
#define local_irq_restore(f) ((void)(f))
/* block requests: the iterator macro fills its bio_vec and iterator on each step */
struct bio_vec { void *bv_page; unsigned int bv_len; unsigned int bv_offset; };
struct req_iterator { void *bio; unsigned long iter[4]; };
int __memsafe_rq_next_segment(void *rq, struct req_iterator *iter, struct bio_vec *bvec);
#define rq_for_each_segment(bvl, rq, it) for ((it).bio = 0; __memsafe_rq_next_segment((rq), &(it), &(bvl)); )
#define DEFINE_SPINLOCK(l) spinlock_t l = { 0 }
void timer_setup(struct timer_list *t, void (*fn)(struct timer_list *), unsigned int flags);
int mod_timer(struct timer_list *t, unsigned long expires);
int del_timer(struct timer_list *t);
int del_timer_sync(struct timer_list *t);
#define from_timer(var, t, field) container_of(t, __typeof__(*var), field)
void add_timer(struct timer_list *t);
int timer_reduce(struct timer_list *t, unsigned long expires);
int try_to_del_timer_sync(struct timer_list *t);
int timer_delete(struct timer_list *t);
int timer_delete_sync(struct timer_list *t);
int timer_shutdown(struct timer_list *t);
int timer_shutdown_sync(struct timer_list *t);
void __memsafe_init_work(struct work_struct *w, void (*f)(struct work_struct *));
#define INIT_WORK(w, f) __memsafe_init_work((w), (f))
bool schedule_work(struct work_struct *work);
bool cancel_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
bool flush_work(struct work_struct *work);
struct delayed_work { struct work_struct work; struct timer_list timer; };
struct workqueue_struct;
void __memsafe_init_delayed_work(struct delayed_work *w, void (*f)(struct work_struct *));
#define INIT_DELAYED_WORK(w, f) __memsafe_init_delayed_work((w), (f))
#define to_delayed_work(w) container_of(w, struct delayed_work, work)
bool schedule_delayed_work(struct delayed_work *dwork, unsigned long delay);
bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
bool flush_delayed_work(struct delayed_work *dwork);
struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...);
#define create_singlethread_workqueue(name) alloc_workqueue("%s", 0, 1, (name))
#define create_workqueue(name) alloc_workqueue("%s", 0, 1, (name))
void flush_workqueue(struct workqueue_struct *wq);
void drain_workqueue(struct workqueue_struct *wq);
void destroy_workqueue(struct workqueue_struct *wq);
struct tasklet_struct { struct tasklet_struct *next; unsigned long state; int count; void (*func)(unsigned long); unsigned long data; };
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_schedule(struct tasklet_struct *t);
void tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
extern unsigned long jiffies;
#define HZ 250
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos, const void __user *from, size_t count);

/* ---- generic netlink (net/genetlink.h, net/netlink.h). An attribute is a 4-byte header (its length,
 * header included, and its type) followed by its payload; a family's policy says, per attribute type,
 * what the kernel checked before calling a .doit handler (the payload's length for NLA_BINARY and the
 * strings, the value's range for integers given NLA_POLICY_RANGE/MAX/MIN). */
struct sk_buff { unsigned int len; unsigned char *data; };
struct nlattr { u16 nla_len; u16 nla_type; };
struct nlmsghdr { u32 nlmsg_len; u16 nlmsg_type; u16 nlmsg_flags; u32 nlmsg_seq; u32 nlmsg_pid; };
struct genlmsghdr { u8 cmd; u8 version; u16 reserved; };
struct netlink_ext_ack { const char *_msg; const struct nlattr *bad_attr; };
struct netlink_callback { struct sk_buff *skb; const struct nlmsghdr *nlh; long args[6]; };
#define NLA_HDRLEN 4
#define NLA_ALIGN(len) (((len) + 3) & ~3)
enum { NLA_UNSPEC, NLA_U8, NLA_U16, NLA_U32, NLA_U64, NLA_STRING, NLA_FLAG, NLA_MSECS, NLA_NESTED, NLA_NESTED_ARRAY,
       NLA_NUL_STRING, NLA_BINARY, NLA_S8, NLA_S16, NLA_S32, NLA_S64, NLA_BITFIELD32, NLA_REJECT, NLA_BE16, NLA_BE32, NLA_SINT, NLA_UINT };
enum { NLA_VALIDATE_NONE, NLA_VALIDATE_RANGE, NLA_VALIDATE_RANGE_WARN_TOO_LONG, NLA_VALIDATE_MIN, NLA_VALIDATE_MAX,
       NLA_VALIDATE_MASK, NLA_VALIDATE_RANGE_PTR, NLA_VALIDATE_FUNCTION };
struct nla_policy { u8 type; u8 validation_type; u16 len; s64 min; s64 max; const void *validation_data; };
#define NLA_POLICY_RANGE(tp, mn, mx) { .type = (tp), .validation_type = NLA_VALIDATE_RANGE, .min = (mn), .max = (mx) }
#define NLA_POLICY_FULL_RANGE(tp, r) { .type = (tp), .validation_type = NLA_VALIDATE_RANGE_PTR }
#define NLA_POLICY_MIN(tp, mn) { .type = (tp), .validation_type = NLA_VALIDATE_MIN, .min = (mn) }
#define NLA_POLICY_MAX(tp, mx) { .type = (tp), .validation_type = NLA_VALIDATE_MAX, .max = (mx) }
#define NLA_POLICY_EXACT_LEN(n) { .type = NLA_BINARY, .validation_type = NLA_VALIDATE_RANGE_WARN_TOO_LONG, .min = (n), .max = (n) }
#define NLA_POLICY_EXACT_LEN_WARN(n) NLA_POLICY_EXACT_LEN(n)
#define NLA_POLICY_MIN_LEN(n) { .type = NLA_BINARY, .validation_type = NLA_VALIDATE_MIN, .min = (n) }
#define NLA_POLICY_MAX_LEN(n) { .type = NLA_BINARY, .validation_type = NLA_VALIDATE_MAX, .max = (n) }
#define NLA_POLICY_NESTED(p) { .type = NLA_NESTED, .validation_data = (p) }
#define NLA_POLICY_NESTED_ARRAY(p) { .type = NLA_NESTED_ARRAY, .validation_data = (p) }
#define NLA_POLICY_ETH_ADDR NLA_POLICY_EXACT_LEN(6)
#define NLA_POLICY_MASK(tp, m) { .type = (tp), .validation_type = NLA_VALIDATE_MASK }
#define NLA_POLICY_VALIDATE_FN(tp, fn, ...) { .type = (tp), .validation_type = NLA_VALIDATE_FUNCTION }
struct genl_family;
struct genl_info { u32 snd_seq; u32 snd_portid; const struct genl_family *family; const struct nlmsghdr *nlhdr;
    struct genlmsghdr *genlhdr; struct nlattr **attrs; void *user_ptr[2]; struct netlink_ext_ack *extack; };
struct genl_ops { int (*doit)(struct sk_buff *skb, struct genl_info *info); int (*start)(struct netlink_callback *cb);
    int (*dumpit)(struct sk_buff *skb, struct netlink_callback *cb); int (*done)(struct netlink_callback *cb);
    const struct nla_policy *policy; unsigned int maxattr; u8 cmd; u8 internal_flags; u8 flags; u8 validate; };
struct genl_small_ops { int (*doit)(struct sk_buff *skb, struct genl_info *info);
    int (*dumpit)(struct sk_buff *skb, struct netlink_callback *cb); u8 cmd; u8 internal_flags; u8 flags; u8 validate; };
struct genl_split_ops { int (*doit)(struct sk_buff *skb, struct genl_info *info); int (*dumpit)(struct sk_buff *skb, struct netlink_callback *cb);
    const struct nla_policy *policy; unsigned int maxattr; u8 cmd; u8 internal_flags; u8 flags; u8 validate; };
struct genl_multicast_group { char name[16]; u8 flags; };
struct genl_family { int id; unsigned int hdrsize; char name[16]; unsigned int version; unsigned int maxattr;
    unsigned char netnsok, parallel_ops, n_ops, n_small_ops, n_split_ops, n_mcgrps, resv_start_op;
    const struct nla_policy *policy; const struct genl_ops *ops; const struct genl_small_ops *small_ops;
    const struct genl_split_ops *split_ops; const struct genl_multicast_group *mcgrps; struct module *module;
    int (*pre_doit)(const struct genl_split_ops *ops, struct sk_buff *skb, struct genl_info *info);
    void (*post_doit)(const struct genl_split_ops *ops, struct sk_buff *skb, struct genl_info *info); };
#define GENL_ADMIN_PERM 0x01
#define GENL_CMD_CAP_DO 0x02
#define GENL_CMD_CAP_DUMP 0x04
#define GENL_CMD_CAP_HASPOL 0x08
#define GENL_UNS_ADMIN_PERM 0x10
#define GENL_DONT_VALIDATE_STRICT 0x1
#define GENL_DONT_VALIDATE_DUMP 0x2
#define GENL_ID_GENERATE 0
#define GENL_HDRLEN 4
#define NLMSG_DEFAULT_SIZE 3776
#define GENLMSG_DEFAULT_SIZE (NLMSG_DEFAULT_SIZE - GENL_HDRLEN)
#define NL_SET_ERR_MSG(extack, msg) ((void)(extack))
#define NL_SET_ERR_MSG_MOD(extack, msg) ((void)(extack))
#define NL_SET_ERR_MSG_ATTR(extack, attr, msg) ((void)(extack))
#define GENL_SET_ERR_MSG(info, msg) ((void)(info))
#define GENL_REQ_ATTR_CHECK(info, attr) (!(info)->attrs[(attr)])
int genl_register_family(struct genl_family *family);
int genl_unregister_family(const struct genl_family *family);
static inline int nla_len(const struct nlattr *nla) { return nla->nla_len - NLA_HDRLEN; }
static inline void *nla_data(const struct nlattr *nla) { return (char *) nla + NLA_HDRLEN; }
static inline int nla_type(const struct nlattr *nla) { return nla->nla_type & 0x3fff; }
static inline u8 nla_get_u8(const struct nlattr *nla) { return *(u8 *) nla_data(nla); }
static inline u16 nla_get_u16(const struct nlattr *nla) { return *(u16 *) nla_data(nla); }
static inline u32 nla_get_u32(const struct nlattr *nla) { return *(u32 *) nla_data(nla); }
static inline u64 nla_get_u64(const struct nlattr *nla) { return *(u64 *) nla_data(nla); }
static inline s8 nla_get_s8(const struct nlattr *nla) { return *(s8 *) nla_data(nla); }
static inline s16 nla_get_s16(const struct nlattr *nla) { return *(s16 *) nla_data(nla); }
static inline s32 nla_get_s32(const struct nlattr *nla) { return *(s32 *) nla_data(nla); }
static inline s64 nla_get_s64(const struct nlattr *nla) { return *(s64 *) nla_data(nla); }
static inline __be16 nla_get_be16(const struct nlattr *nla) { return *(__be16 *) nla_data(nla); }
static inline __be32 nla_get_be32(const struct nlattr *nla) { return *(__be32 *) nla_data(nla); }
static inline int nla_get_flag(const struct nlattr *nla) { return !!nla; }
static inline int nla_ok(const struct nlattr *nla, int remaining) {
    return remaining >= (int) sizeof(*nla) && nla->nla_len >= sizeof(*nla) && nla->nla_len <= remaining; }
struct nlattr *nla_next(const struct nlattr *nla, int *remaining);
#define nla_for_each_attr(pos, head, len, rem) for (pos = head, rem = len; nla_ok(pos, rem); pos = nla_next(pos, &(rem)))
#define nla_for_each_nested(pos, nla, rem) nla_for_each_attr(pos, (struct nlattr *) nla_data(nla), nla_len(nla), rem)
/* nla_memcpy: copies what the attribute holds, at most count bytes, and zeroes the rest of count */
static inline int nla_memcpy(void *dest, const struct nlattr *src, int count) {
    int len = nla_len(src);
    int minlen = len < count ? len : count;
    memcpy(dest, nla_data(src), minlen);
    if (count > minlen) memset((char *) dest + minlen, 0, count - minlen);
    return minlen; }
ssize_t nla_strscpy(char *dst, const struct nlattr *nla, size_t dstsize);
int nla_strcmp(const struct nlattr *nla, const char *str);
int nla_parse_nested(struct nlattr *tb[], int maxtype, const struct nlattr *nla, const struct nla_policy *policy, struct netlink_ext_ack *extack);
int nla_parse_nested_deprecated(struct nlattr *tb[], int maxtype, const struct nlattr *nla, const struct nla_policy *policy, struct netlink_ext_ack *extack);
/* to the requester: the bytes of an attribute put in a reply leave the kernel */
int nla_put(struct sk_buff *skb, int attrtype, int attrlen, const void *data);
int nla_put_u8(struct sk_buff *skb, int attrtype, u8 value);
int nla_put_u16(struct sk_buff *skb, int attrtype, u16 value);
int nla_put_u32(struct sk_buff *skb, int attrtype, u32 value);
int nla_put_u64_64bit(struct sk_buff *skb, int attrtype, u64 value, int padattr);
int nla_put_s32(struct sk_buff *skb, int attrtype, s32 value);
int nla_put_string(struct sk_buff *skb, int attrtype, const char *str);
int nla_put_flag(struct sk_buff *skb, int attrtype);
struct nlattr *nla_nest_start(struct sk_buff *skb, int attrtype);
int nla_nest_end(struct sk_buff *skb, struct nlattr *start);
void nla_nest_cancel(struct sk_buff *skb, struct nlattr *start);
struct sk_buff *genlmsg_new(size_t payload, gfp_t flags);
void *genlmsg_put(struct sk_buff *skb, u32 portid, u32 seq, const struct genl_family *family, int flags, u8 cmd);
void *genlmsg_put_reply(struct sk_buff *skb, struct genl_info *info, const struct genl_family *family, int flags, u8 cmd);
void genlmsg_end(struct sk_buff *skb, void *hdr);
void genlmsg_cancel(struct sk_buff *skb, void *hdr);
int genlmsg_reply(struct sk_buff *skb, struct genl_info *info);
int genlmsg_multicast(const struct genl_family *family, struct sk_buff *skb, u32 portid, unsigned int group, gfp_t flags);
void nlmsg_free(struct sk_buff *skb);
void kfree_skb(struct sk_buff *skb);

/* ---- ioctl numbers */
#define _IOC(dir, type, nr, size) (((dir) << 30) | ((type) << 8) | (nr) | ((size) << 16))
#define _IO(type, nr) _IOC(0U, (type), (nr), 0)
#define _IOR(type, nr, t) _IOC(2U, (type), (nr), sizeof(t))
#define _IOW(type, nr, t) _IOC(1U, (type), (nr), sizeof(t))
#define _IOWR(type, nr, t) _IOC(3U, (type), (nr), sizeof(t))
#define _IOC_NR(nr) ((nr) & 0xff)
#define _IOC_TYPE(nr) (((nr) >> 8) & 0xff)
#define _IOC_SIZE(nr) (((nr) >> 16) & 0x3fff)


#endif
