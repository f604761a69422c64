//! The board these firmwares run on, as a device crate would give it:
//! QEMU's `mps2-an386` (Arm's MPS2 FPGA board with the AN386 Cortex-M4
//! image), whose interrupt controller has 32 external interrupts.
//!
//! Without a device crate, cortex-m-rt fills the vector table for the
//! largest Cortex-M (240 interrupts, 1,024 bytes of flash); with its
//! `device` feature the table is the part's own, as an svd2rust crate makes
//! it: here 16 exceptions and 32 interrupts, 192 bytes. No interrupt is
//! enabled, so each goes to cortex-m-rt's `DefaultHandler`.

/// External interrupts of the MPS2 AN385/AN386 images (CMSDK: UARTs,
/// timers, GPIO, Ethernet, ...), as QEMU's `mps2-an386` models them.
pub const INTERRUPTS: usize = 32;

extern "C" {
    /// cortex-m-rt's handler for any exception or interrupt without one.
    fn DefaultHandler();
}

/// The device part of the vector table (cortex-m-rt's `__INTERRUPTS`).
#[link_section = ".vector_table.interrupts"]
#[no_mangle]
#[used]
static __INTERRUPTS: [unsafe extern "C" fn(); INTERRUPTS] = [DefaultHandler; INTERRUPTS];
