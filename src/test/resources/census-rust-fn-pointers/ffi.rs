// Unsafe function items versus unsafe function-pointer types (as in librsvg's C API glue).
use std::os::raw::{c_int, c_void};

pub type DestroyNotify = Option<unsafe extern "C" fn(data: *mut c_void)>;

pub struct Callbacks {
    pub read: unsafe extern "C" fn(user: *mut c_void, buf: *mut u8, len: usize) -> c_int,
    pub close: Option<unsafe fn(*mut c_void)>,
    pub notify: DestroyNotify,
}

pub unsafe extern "C" fn rsvg_free(p: *mut c_void, destroy: unsafe extern "C" fn(*mut c_void)) {
    destroy(p);
}

unsafe fn raw_len(p: *const u8) -> usize {
    let mut n = 0;
    while *p.add(n) != 0 {
        n += 1;
    }
    n
}

pub trait Source {
    unsafe fn borrow(&self) -> *const u8;
    fn install(&mut self, cb: unsafe extern "C" fn(*mut c_void));
}

impl Callbacks {
    pub unsafe fn call_read(&self, user: *mut c_void, buf: &mut [u8]) -> c_int {
        (self.read)(user, buf.as_mut_ptr(), buf.len())
    }
}

pub fn register(table: &mut Vec<unsafe extern "C" fn(*mut c_void)>) {
    table.clear();
}
