/* build: vfpv4 hard-float
 * Floating point: an N-body simulation in double precision (square roots, divisions,
 * multiply-accumulates) and a single-precision Mandelbrot set, on the VFP. */
#include <math.h>
#include <stdio.h>

static void __attribute__((constructor)) enable_vfp(void)
{
    unsigned cpacr;
    __asm__ volatile("mrc p15, 0, %0, c1, c0, 2" : "=r"(cpacr));
    __asm__ volatile("mcr p15, 0, %0, c1, c0, 2\n\tisb" :: "r"(cpacr | 0xF << 20));
    __asm__ volatile("vmsr fpexc, %0" :: "r"(1u << 30));
}

#define BODIES 5
static double x[BODIES], y[BODIES], z[BODIES], vx[BODIES], vy[BODIES], vz[BODIES], m[BODIES];

static double energy(void)
{
    double e = 0;
    for (int i = 0; i < BODIES; i++) {
        e += 0.5 * m[i] * (vx[i] * vx[i] + vy[i] * vy[i] + vz[i] * vz[i]);
        for (int j = i + 1; j < BODIES; j++) {
            double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
            e -= m[i] * m[j] / sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    return e;
}

static void advance(double dt)
{
    for (int i = 0; i < BODIES; i++)
        for (int j = i + 1; j < BODIES; j++) {
            double dx = x[i] - x[j], dy = y[i] - y[j], dz = z[i] - z[j];
            double d2 = dx * dx + dy * dy + dz * dz;
            double mag = dt / (d2 * sqrt(d2));
            vx[i] -= dx * m[j] * mag; vy[i] -= dy * m[j] * mag; vz[i] -= dz * m[j] * mag;
            vx[j] += dx * m[i] * mag; vy[j] += dy * m[i] * mag; vz[j] += dz * m[i] * mag;
        }
    for (int i = 0; i < BODIES; i++) { x[i] += dt * vx[i]; y[i] += dt * vy[i]; z[i] += dt * vz[i]; }
}

int main(void)
{
    for (int i = 0; i < BODIES; i++) {
        double a = i * 1.2566370614359172;
        x[i] = (i + 1) * cos(a); y[i] = (i + 1) * sin(a); z[i] = 0.1 * i;
        vx[i] = -0.3 * sin(a) / (i + 1); vy[i] = 0.3 * cos(a) / (i + 1); vz[i] = 0.01 * (i - 2);
        m[i] = i == 0 ? 39.47841760435743 : 0.01 * (i + 1);
    }
    printf("nbody energy before %.12f\n", energy());
    for (int step = 0; step < 500000; step++) advance(0.001);
    printf("nbody energy after  %.12f\n", energy());

    unsigned total = 0;
    for (int py = 0; py < 200; py++)
        for (int px = 0; px < 300; px++) {
            float cx = -2.0f + px * 0.009f, cy = -1.1f + py * 0.011f, zx = 0, zy = 0;
            int n = 0;
            while (n < 100 && zx * zx + zy * zy < 4.0f) {
                float t = zx * zx - zy * zy + cx;
                zy = 2.0f * zx * zy + cy;
                zx = t;
                n++;
            }
            total += n;
        }
    printf("mandelbrot iterations %u\n", total);
    return 0;
}
