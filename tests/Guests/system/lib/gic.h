/* The GICv2 of QEMU's virt board (distributor at 0x08000000, CPU interface at 0x08010000) and the
 * generic timer's CP15 registers, for the system programs that take interrupts. */
#ifndef GIC_H
#define GIC_H
#include <stdint.h>

#define GICD_BASE 0x08000000u
#define GICC_BASE 0x08010000u

#define GICD_CTLR       0x000
#define GICD_TYPER      0x004
#define GICD_IIDR       0x008
#define GICD_IGROUPR    0x080
#define GICD_ISENABLER  0x100
#define GICD_ICENABLER  0x180
#define GICD_ISPENDR    0x200
#define GICD_ICPENDR    0x280
#define GICD_ISACTIVER  0x300
#define GICD_ICACTIVER  0x380
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR  0x800
#define GICD_ICFGR      0xC00
#define GICD_SGIR       0xF00
#define GICD_CPENDSGIR  0xF10
#define GICD_SPENDSGIR  0xF20

#define GICC_CTLR  0x00
#define GICC_PMR   0x04
#define GICC_BPR   0x08
#define GICC_IAR   0x0C
#define GICC_EOIR  0x10
#define GICC_RPR   0x14
#define GICC_HPPIR 0x18
#define GICC_ABPR  0x1C
#define GICC_APR0  0xD0
#define GICC_IIDR  0xFC
#define GICC_DIR   0x1000

/* The generic timer's interrupt IDs on virt: non-secure physical timer PPI 14, virtual timer PPI 11. */
#define IRQ_PHYS_TIMER 30
#define IRQ_VIRT_TIMER 27

static inline uint32_t gicd_read(uint32_t offset) { return *(volatile uint32_t *)(GICD_BASE + offset); }
static inline void gicd_write(uint32_t offset, uint32_t v) { *(volatile uint32_t *)(GICD_BASE + offset) = v; }
static inline uint8_t gicd_read8(uint32_t offset) { return *(volatile uint8_t *)(GICD_BASE + offset); }
static inline void gicd_write8(uint32_t offset, uint8_t v) { *(volatile uint8_t *)(GICD_BASE + offset) = v; }
static inline uint32_t gicc_read(uint32_t offset) { return *(volatile uint32_t *)(GICC_BASE + offset); }
static inline void gicc_write(uint32_t offset, uint32_t v) { *(volatile uint32_t *)(GICC_BASE + offset) = v; }

/* One bit of a one-bit-per-interrupt register (ISENABLER, ISPENDR, ISACTIVER, IGROUPR, ...). */
static inline uint32_t gicd_bit(uint32_t reg, uint32_t id) { return (gicd_read(reg + id / 32 * 4) >> (id % 32)) & 1; }
static inline void gicd_set_bit(uint32_t reg, uint32_t id) { gicd_write(reg + id / 32 * 4, 1u << (id % 32)); }

static inline void irq_enable(void) { __asm__ volatile("cpsie i" : : : "memory"); }
static inline void irq_disable(void) { __asm__ volatile("cpsid i" : : : "memory"); }
static inline void fiq_enable(void) { __asm__ volatile("cpsie f" : : : "memory"); }
static inline void fiq_disable(void) { __asm__ volatile("cpsid f" : : : "memory"); }
static inline void wfi(void) { __asm__ volatile("wfi" : : : "memory"); }

/* The generic timer (CP15 c14): 32-bit registers with MRC/MCR, 64-bit ones with MRRC/MCRR. */
#define MRRC(op1, crm) ({ uint32_t lo_, hi_; __asm__ volatile("mrrc p15, " #op1 ", %0, %1, c" #crm : "=r"(lo_), "=r"(hi_)); ((uint64_t)hi_ << 32) | lo_; })
#define MCRR(op1, crm, v) do { uint64_t v_ = (v); __asm__ volatile("mcrr p15, " #op1 ", %0, %1, c" #crm : : "r"((uint32_t)v_), "r"((uint32_t)(v_ >> 32)) : "memory"); } while (0)
#define CNTFRQ()        MRC(0, 14, 0, 0)
#define CNTKCTL()       MRC(0, 14, 1, 0)
#define SET_CNTKCTL(v)  MCR(0, 14, 1, 0, v)
#define CNTPCT()        MRRC(0, 14)
#define CNTVCT()        MRRC(1, 14)
#define CNTP_TVAL()     MRC(0, 14, 2, 0)
#define SET_CNTP_TVAL(v) MCR(0, 14, 2, 0, v)
#define CNTP_CTL()      MRC(0, 14, 2, 1)
#define SET_CNTP_CTL(v) MCR(0, 14, 2, 1, v)
#define CNTP_CVAL()     MRRC(2, 14)
#define SET_CNTP_CVAL(v) MCRR(2, 14, v)
#define CNTV_TVAL()     MRC(0, 14, 3, 0)
#define SET_CNTV_TVAL(v) MCR(0, 14, 3, 0, v)
#define CNTV_CTL()      MRC(0, 14, 3, 1)
#define SET_CNTV_CTL(v) MCR(0, 14, 3, 1, v)
#define CNTV_CVAL()     MRRC(3, 14)
#define SET_CNTV_CVAL(v) MCRR(3, 14, v)
#define CTL_ENABLE  1u
#define CTL_IMASK   2u
#define CTL_ISTATUS 4u

#endif
