//! Giving freed memory back to the system at once.
//!
//! The allocator keeps memory that was freed for a while before giving it
//! back, in case it is wanted again soon. That is what makes it fast, but
//! where a large case has just been dropped and the file is read again
//! (to place a refused case's problems, or to parse a file that could not
//! be read a window at a time), both would count against the process for
//! a moment. At those points the memory is given back first.

/// Give the memory freed so far back to the system now.
pub fn give_back() {
    // SAFETY: takes a plain flag and touches no memory of ours; with
    // another allocator in charge (a test's), mimalloc's heap is empty and
    // this does nothing.
    unsafe { libmimalloc_sys::mi_collect(true) }
}
