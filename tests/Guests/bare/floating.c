/* build: vfpv4 hard-float
 * Floating point on the VFP, as Debian's armhf code uses it: values passed in VFP registers, the
 * math library, printf of doubles, a numerical kernel (Gaussian elimination, Simpson's rule, a
 * Mandelbrot count), half-precision conversions, and FPSCR itself: the four rounding modes, the
 * cumulative exception flags, flush-to-zero and default-NaN modes, NaN propagation. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <math.h>

/* A kernel would do this: give PL0 and PL1 access to cp10/cp11 (CPACR), then enable the VFP. */
static void __attribute__((constructor)) enable_vfp(void)
{
    unsigned cpacr;
    __asm__ volatile("mrc p15, 0, %0, c1, c0, 2" : "=r"(cpacr));
    __asm__ volatile("mcr p15, 0, %0, c1, c0, 2\n\tisb" :: "r"(cpacr | 0xF << 20));
    __asm__ volatile("vmsr fpexc, %0" :: "r"(1u << 30));
}

static unsigned get_fpscr(void)
{
    unsigned v;
    __asm__ volatile("vmrs %0, fpscr" : "=r"(v) :: "memory");
    return v;
}

static void set_fpscr(unsigned v) { __asm__ volatile("vmsr fpscr, %0" :: "r"(v) : "memory"); }

static uint64_t bits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }
static uint32_t fbits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static double from_bits(uint64_t u) { double d; memcpy(&d, &u, 8); return d; }
static float ffrom_bits(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static unsigned hbits(__fp16 h) { uint16_t u; memcpy(&u, &h, 2); return u; }

static void show(const char *what, double d) { printf("%-22s %.17g %016llx\n", what, d, (unsigned long long)bits(d)); }

static void math_library(void)
{
    static const double xs[] = { 0.5, 1.0, 2.0, 3.14159265358979, 10.0, -0.75, 1e-300, 123456.789 };
    for (unsigned k = 0; k < sizeof xs / sizeof xs[0]; k++) {
        volatile double x = xs[k];
        printf("x = %.17g\n", x);
        show("  sin", sin(x)); show("  cos", cos(x)); show("  tan", tan(x));
        show("  exp", exp(x)); show("  log(|x|)", log(fabs(x))); show("  sqrt(|x|)", sqrt(fabs(x)));
        show("  pow(|x|, 1.5)", pow(fabs(x), 1.5)); show("  atan2(x, 3)", atan2(x, 3.0));
        show("  fmod(x, 0.3)", fmod(x, 0.3)); show("  cbrt", cbrt(x)); show("  hypot(x, 2)", hypot(x, 2.0));
        show("  floor", floor(x)); show("  ceil", ceil(x)); show("  round", round(x)); show("  trunc", trunc(x));
        printf("  sinf %.9g expf %.9g sqrtf %.9g\n", sinf((float)x), expf((float)x / 8), sqrtf(fabsf((float)x)));
    }
}

/* Solves A x = b by Gaussian elimination with partial pivoting (a Hilbert-like, badly conditioned A). */
static void gaussian_elimination(void)
{
    enum { N = 8 };
    double a[N][N + 1];
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) a[i][j] = 1.0 / (i + j + 1) + (i == j ? 0.001 : 0.0);
        a[i][N] = i + 1;
    }
    for (int c = 0; c < N; c++) {
        int p = c;
        for (int r = c + 1; r < N; r++) if (fabs(a[r][c]) > fabs(a[p][c])) p = r;
        for (int j = 0; j <= N; j++) { double t = a[c][j]; a[c][j] = a[p][j]; a[p][j] = t; }
        for (int r = c + 1; r < N; r++) {
            double f = a[r][c] / a[c][c];
            for (int j = c; j <= N; j++) a[r][j] -= f * a[c][j];
        }
    }
    double x[N];
    for (int i = N - 1; i >= 0; i--) {
        double s = a[i][N];
        for (int j = i + 1; j < N; j++) s -= a[i][j] * x[j];
        x[i] = s / a[i][i];
    }
    for (int i = 0; i < N; i++) printf("x[%d] = %.17g\n", i, x[i]);
}

static double simpson(double (*f)(double), double lo, double hi, int n)
{
    double h = (hi - lo) / n, s = f(lo) + f(hi);
    for (int k = 1; k < n; k++) s += f(lo + k * h) * (k & 1 ? 4 : 2);
    return s * h / 3;
}

static double gauss(double x) { return exp(-x * x); }

static void kernels(void)
{
    gaussian_elimination();
    show("simpson exp(-x^2) 0..3", simpson(gauss, 0.0, 3.0, 1000));
    show("simpson sin 0..pi", simpson(sin, 0.0, 3.14159265358979323846, 999));
    /* Single-precision Mandelbrot: iterations summed over a grid, with fused multiply-adds. */
    unsigned total = 0;
    for (int py = 0; py < 40; py++)
        for (int px = 0; px < 60; px++) {
            float cx = -2.0f + px * 0.045f, cy = -1.1f + py * 0.055f, zx = 0, zy = 0;
            int n = 0;
            while (n < 200 && zx * zx + zy * zy < 4.0f) {
                float t = fmaf(zx, zx, fmaf(-zy, zy, cx));
                zy = fmaf(2.0f * zx, zy, cy);
                zx = t;
                n++;
            }
            total += n;
        }
    printf("mandelbrot iterations %u\n", total);
    /* A float dot product that loses precision, and the same in double. */
    float fs = 0; double ds = 0;
    for (int k = 1; k <= 10000; k++) { fs += 1.0f / k; ds += 1.0 / k; }
    printf("harmonic float %.9g double %.17g\n", fs, ds);
}

static void conversions(void)
{
    static const double ds[] = { 2147483647.5, -2147483648.5, 4294967295.0, -0.5, 0.5, 1.5, 2.5, -2.5, 1e10, -1e10, 65504.0, 65520.0, 1e-6, 3.0e-8 };
    for (unsigned k = 0; k < sizeof ds / sizeof ds[0]; k++) {
        volatile double d = ds[k];
        int i = d > -2147483649.0 && d < 2147483648.0 ? (int)d : 0;
        unsigned u = d > -1.0 && d < 4294967296.0 ? (unsigned)d : 0;
        __fp16 h = (__fp16)d;
        float f = (float)d;
        printf("%.17g: int %d unsigned %u float %08lx half %04x back %.9g lrint %ld\n", d, i, u, (unsigned long)fbits(f),
               hbits(h), (double)h, lrint(d));
    }
    for (int k = -3; k <= 3; k++) {
        volatile unsigned v = 0x7FFFFFC0u + k * 33;
        printf("%u -> float %.9g double %.17g\n", v, (float)v, (double)(int)v);
    }
}

static const char *const mode_names[] = { "nearest", "+inf", "-inf", "zero" };

static void rounding_modes(void)
{
    unsigned saved = get_fpscr();
    for (unsigned m = 0; m < 4; m++) {
        set_fpscr((saved & ~(3u << 22)) | m << 22);
        volatile double one = 1.0, three = 3.0, minus = -1.0, big = 1e308;
        volatile float fone = 1.0f, fthree = 3.0f;
        double q = one / three, nq = minus / three, s = sqrt(three), over = big * 10.0;
        float fq = fone / fthree;
        printf("%-7s 1/3 %016llx -1/3 %016llx sqrt3 %016llx 1e309 %016llx 1/3f %08lx lrint(2.5) %ld rint(-1.5) %g\n",
               mode_names[m], (unsigned long long)bits(q), (unsigned long long)bits(nq), (unsigned long long)bits(s),
               (unsigned long long)bits(over), (unsigned long)fbits(fq), lrint(2.5), rint(-1.5));
    }
    set_fpscr(saved);
}

static void exception_flags(void)
{
    struct { const char *what; double a, b; char op; } cases[] = {
        { "1/0", 1.0, 0.0, '/' }, { "0/0", 0.0, 0.0, '/' }, { "1e308*10", 1e308, 10.0, '*' },
        { "1e-308*1e-10", 1e-308, 1e-10, '*' }, { "1+1", 1.0, 1.0, '+' }, { "1+1e-20", 1.0, 1e-20, '+' },
        { "inf-inf", INFINITY, INFINITY, '-' }, { "sqrt(-2)", -2.0, 0.0, 's' },
    };
    for (unsigned k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        set_fpscr(get_fpscr() & ~0x9Fu);
        volatile double a = cases[k].a, b = cases[k].b, r;
        switch (cases[k].op) {
        case '/': r = a / b; break;
        case '*': r = a * b; break;
        case '+': r = a + b; break;
        case '-': r = a - b; break;
        default: r = sqrt(a); break;
        }
        printf("%-13s %016llx flags %02x\n", cases[k].what, (unsigned long long)bits(r), get_fpscr() & 0x9Fu);
    }
}

static void special_modes(void)
{
    unsigned saved = get_fpscr();
    volatile double tiny = 1e-310, half = 0.5;
    volatile float ftiny = 1e-40f, fhalf = 0.5f;
    volatile double snan = from_bits(0x7FF4000000000123ull), qnan = from_bits(0xFFF8000000000456ull);
    volatile float fsnan = ffrom_bits(0x7FA00011u);
    for (unsigned mode = 0; mode < 4; mode++) {
        /* bit 0: flush-to-zero (FZ), bit 1: default NaN (DN) */
        set_fpscr((saved & ~0x0300009Fu) | (mode & 1 ? 1u << 24 : 0) | (mode & 2 ? 1u << 25 : 0));
        /* Stored before FPSCR is read, so that the flags they raise show. */
        volatile double d1 = tiny * half, d2 = tiny + tiny, n1 = snan + 1.0, n2 = qnan * snan, n3 = 1.0 + qnan;
        volatile float f1 = ftiny * fhalf, f2 = fsnan + 1.0f;
        volatile double widened = fsnan;
        printf("FZ=%u DN=%u: %016llx %016llx %08lx | %016llx %016llx %016llx %08lx %016llx flags %02x\n", mode & 1, mode >> 1,
               (unsigned long long)bits(d1), (unsigned long long)bits(d2), (unsigned long)fbits(f1),
               (unsigned long long)bits(n1), (unsigned long long)bits(n2), (unsigned long long)bits(n3),
               (unsigned long)fbits(f2), (unsigned long long)bits(widened), get_fpscr() & 0x9Fu);
        volatile double c = tiny;
        printf("  compare tiny > 0: %d, tiny == 0: %d, nan < 1: %d\n", c > 0.0, c == 0.0, qnan < 1.0);
    }
    set_fpscr(saved);
}

int main(void)
{
    printf("FPSCR at start %08x\n", get_fpscr());
    math_library();
    kernels();
    conversions();
    rounding_modes();
    exception_flags();
    special_modes();
    printf("pi %.20f e %.6e tiny %g big %g neg %f\n", 3.14159265358979323846, exp(1.0), 4.9e-324, 1.7976931348623157e308, -0.0);
    return 0;
}
