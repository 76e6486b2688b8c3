namespace Translator.Frontend.Decoding;

/// <summary>
/// The operation an instruction performs, shared by every instruction set state. Encodings that
/// differ only in operand shape (immediate, register, register-shifted register) share an Op; the
/// operand fields say which shape was decoded. Grouped by family, in the order of the family files.
/// </summary>
public enum Op : ushort
{
    Undefined,

    // Data processing
    And, Eor, Sub, Rsb, Add, Adc, Sbc, Rsc, Tst, Teq, Cmp, Cmn, Orr, Mov, Bic, Mvn,
    Lsl, Lsr, Asr, Ror, Rrx, Movw, Movt, Adr, Orn,

    // Multiply and divide
    Mul, Mla, Mls, Umull, Umlal, Smull, Smlal, Umaal,
    Smlabb, Smlabt, Smlatb, Smlatt, Smlawb, Smlawt, Smulwb, Smulwt,
    Smlalbb, Smlalbt, Smlaltb, Smlaltt, Smulbb, Smulbt, Smultb, Smultt,
    Smlad, Smladx, Smlsd, Smlsdx, Smlald, Smlaldx, Smlsld, Smlsldx,
    Smmla, Smmlar, Smmls, Smmlsr, Smmul, Smmulr, Smuad, Smuadx, Smusd, Smusdx,
    Sdiv, Udiv,

    // Saturating
    Qadd, Qsub, Qdadd, Qdsub, Ssat, Usat, Ssat16, Usat16,

    // Parallel add and subtract
    Sadd16, Sasx, Ssax, Ssub16, Sadd8, Ssub8,
    Qadd16, Qasx, Qsax, Qsub16, Qadd8, Qsub8,
    Shadd16, Shasx, Shsax, Shsub16, Shadd8, Shsub8,
    Uadd16, Uasx, Usax, Usub16, Uadd8, Usub8,
    Uqadd16, Uqasx, Uqsax, Uqsub16, Uqadd8, Uqsub8,
    Uhadd16, Uhasx, Uhsax, Uhsub16, Uhadd8, Uhsub8,

    // Packing, extension, bitfield, reverse, miscellaneous media
    Pkhbt, Pkhtb, Sel,
    Sxtb, Sxth, Sxtb16, Uxtb, Uxth, Uxtb16, Sxtab, Sxtah, Sxtab16, Uxtab, Uxtah, Uxtab16,
    Rev, Rev16, Revsh, Rbit, Clz, Bfc, Bfi, Sbfx, Ubfx, Usad8, Usada8,

    // Loads and stores
    Ldr, Ldrb, Ldrh, Ldrsb, Ldrsh, Ldrd, Str, Strb, Strh, Strd,
    Ldrt, Ldrbt, Ldrht, Ldrsbt, Ldrsht, Strt, Strbt, Strht,
    Ldrex, Ldrexb, Ldrexh, Ldrexd, Strex, Strexb, Strexh, Strexd, Swp, Swpb,
    Lda, Ldab, Ldah, Stl, Stlb, Stlh, Ldaex, Ldaexb, Ldaexh, Ldaexd, Stlex, Stlexb, Stlexh, Stlexd,

    // Load and store multiple
    Ldm, Ldmda, Ldmdb, Ldmib, Stm, Stmda, Stmdb, Stmib, Push, Pop,
    LdmUser, LdmException, StmUser,

    // Branches
    B, Bl, Blx, Bx, Bxj, Cbz, Cbnz, Tbb, Tbh,

    // If-then (Thumb)
    It,

    // Status registers and processor state
    Mrs, Msr, MrsBanked, MsrBanked, Cps, Setend, Setpan, Srs, Rfe, Eret,

    // Exception generating
    Svc, Bkpt, Udf, Hvc, Smc, Hlt,

    // Hints and barriers
    Nop, Yield, Wfe, Wfi, Sev, Sevl, Dbg, Csdb, Esb, Tsb, Pld, Pldw, Pli,
    Dmb, Dsb, Isb, Sb, Ssbb, Pssbb, Clrex,

    // CRC (ARMv8)
    Crc32b, Crc32h, Crc32w, Crc32cb, Crc32ch, Crc32cw,

    // Coprocessor
    Mcr, Mcr2, Mrc, Mrc2, Mcrr, Mcrr2, Mrrc, Mrrc2, Ldc, Ldc2, Stc, Stc2, Cdp, Cdp2,

    // Later additions in the coprocessor spaces: ARMv8.x Advanced SIMD (complex numbers, dot
    // products, half-precision multiply-accumulate long, BFloat16, Int8 matrix multiply) and the
    // Armv8.1-M loads and stores of floating-point system registers
    Vcadd, Vcmla, Vsdot, Vudot, Vusdot, Vsudot, Vfmal, Vfmsl,
    Vdot, Vmmla, Vfmab, Vfmat, Vsmmla, Vummla, Vusmmla,
    VldrSystemRegister, VstrSystemRegister,

    // VFP data processing
    Vadd, Vsub, Vmul, Vnmul, Vdiv, Vmla, Vmls, Vnmla, Vnmls, Vfma, Vfms, Vfnma, Vfnms,
    Vabs, Vneg, Vsqrt, Vcmp, Vcmpe, VmovImm, VmovReg,
    Vcvt, Vcvtr, Vcvtb, Vcvtt, VcvtFixed, VcvtDoubleSingle, VcvtbBf16, VcvttBf16,
    Vsel, Vmaxnm, Vminnm, Vrinta, Vrintn, Vrintp, Vrintm, Vrintr, Vrintz, Vrintx,
    Vcvta, Vcvtn, Vcvtp, Vcvtm, Vins, Vmovx, Vjcvt,

    // VFP loads, stores and transfers
    Vldr, Vstr, Vldm, Vldmdb, Vstm, Vstmdb, Vpush, Vpop, Fldmiax, Fldmdbx, Fstmiax, Fstmdbx, Vlldm, Vlstm,
    VmovCoreSingle, VmovCoreHalf, VmovCoreTwoSingles, VmovCoreDouble, VmovCoreScalar, VmovScalarCore, Vdup,
    Vmrs, Vmsr,

    // Advanced SIMD. Where the ARM ARM has separate integer, polynomial and floating-point pages the
    // Op says which (Int, Poly, Float); Vector marks a floating-point vector operation whose plain
    // name is the VFP scalar one above. Register, immediate and scalar operand shapes share an Op.
    Vhadd, Vhsub, Vrhadd, Vqadd, Vqsub, Vand, Vbic, Vorr, Vorn, Veor, Vbsl, Vbit, Vbif, Vmvn, VmovImmVector,
    VaddInt, VsubInt, VmlaInt, VmlsInt, VmulInt, VmulPoly, VmaxInt, VminInt, VabdInt, Vaba,
    VpaddInt, VpmaxInt, VpminInt, VceqInt, VcgeInt, VcgtInt, VcleInt, VcltInt, Vtst, VabsInt, VnegInt,
    Vshl, Vqshl, Vqshlu, Vrshl, Vqrshl, Vshr, Vsra, Vrshr, Vrsra, Vsri, Vsli,
    Vshrn, Vrshrn, Vqshrn, Vqrshrn, Vqshrun, Vqrshrun, Vshll, Vmovl, Vmovn, Vqmovn, Vqmovun,
    Vqdmulh, Vqrdmulh, Vqrdmlah, Vqrdmlsh,
    Vaddl, Vaddw, Vsubl, Vsubw, Vaddhn, Vraddhn, Vsubhn, Vrsubhn, Vabal, Vabdl,
    Vmlal, Vmlsl, Vmull, VmullPoly, Vqdmlal, Vqdmlsl, Vqdmull,
    VaddFloat, VsubFloat, VmlaFloat, VmlsFloat, VmulFloat, VabdFloat, VmaxFloat, VminFloat,
    VpaddFloat, VpmaxFloat, VpminFloat, VceqFloat, VcgeFloat, VcgtFloat, VcleFloat, VcltFloat, Vacge, Vacgt,
    VabsFloat, VnegFloat, Vrecps, Vrsqrts, VrecpeInt, VrecpeFloat, VrsqrteInt, VrsqrteFloat,
    VfmaVector, VfmsVector, VmaxnmVector, VminnmVector,
    VrintnVector, VrintxVector, VrintaVector, VrintzVector, VrintmVector, VrintpVector,
    VcvtaVector, VcvtnVector, VcvtpVector, VcvtmVector, VcvtVector, VcvtFixedVector, VcvtHalfVector, VcvtBf16Vector,
    Vrev16, Vrev32, Vrev64, Vpaddl, Vpadal, Vcls, Vclz, Vcnt, Vqabs, Vqneg, Vswp, Vtrn, Vuzp, Vzip,
    Vext, Vtbl, Vtbx,
    Aese, Aesd, Aesmc, Aesimc, Sha1c, Sha1p, Sha1m, Sha1su0, Sha1h, Sha1su1, Sha256h, Sha256h2, Sha256su0, Sha256su1,

    // Advanced SIMD element and structure loads and stores (multiple structures, one lane, all lanes)
    Vld1, Vld2, Vld3, Vld4, Vst1, Vst2, Vst3, Vst4,
}
