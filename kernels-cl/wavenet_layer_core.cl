// One WaveNet layer at one time position, shared by the per-layer kernel (wavenet_layer.cl) and
// the fused one (wavenet_fused.cl): dilated causal conv (with conv_pre FiLM on its taps), input
// mixin, every FiLM slot, activation and gating, layer1x1 (or a) added to the residual, head1x1
// (or a) as the head contribution. Weights (WSPACE: __constant when they fit) are read at
// offsets given as O_* defines; the layer's inputs are rows in TAPSPACE (__global per layer,
// __local when fused).
//
// Compile-time shape (so loops unroll and z, a stay in registers):
//   CH channels, BN bottleneck, ZC conv rows (BN or 2 BN), K kernel size, GI conv groups,
//   COND condition rows, GM mixin groups, HW head width (head1x1 out, else BN),
//   GATING (GATE_NONE | GATE_GATED | GATE_BLENDED), ACT / SEC activation kinds with
//   ACT_NP / SEC_NP parameters at O_ACT / O_SEC,
//   L1X1 (+ L1G, O_L1_W, O_L1_B), H1X1 (+ H1G, O_H1_W, O_H1_B), O_CONV_W, O_CONV_B, O_MIX_W,
//   and per active FiLM slot S: F_S = 1, F_S_SHIFT, F_S_G, O_F_S_W, O_F_S_B.

#define GATE_NONE 0
#define GATE_GATED 1
#define GATE_BLENDED 2

#define HEAD_ACCUMULATE 0
#define HEAD_ZERO 1
#define HEAD_COPY 2
#define HEAD_BROADCAST 3

// v[r] = v[r] * scale_r(c) + shift_r(c), r < dim: a grouped 1x1 (COND -> rows, bias) of c.
inline void film(float* v, const int dim, const int shift, const int groups,
                 WSPACE const float* fw, WSPACE const float* fb, const float* c) {
    const int rows = shift ? 2 * dim : dim;
    const int opg = rows / groups;
    const int ipg = COND / groups;
    #pragma unroll
    for (int r = 0; r < dim; r++) {
        const int gs = (r / opg) * ipg;
        float scale = fb[r];
        #pragma unroll
        for (int j = 0; j < ipg; j++) {
            scale += fw[r * ipg + j] * c[gs + j];
        }
        if (shift) {
            const int rb = dim + r;
            const int gb = (rb / opg) * ipg;
            float bias = fb[rb];
            #pragma unroll
            for (int j = 0; j < ipg; j++) {
                bias += fw[rb * ipg + j] * c[gb + j];
            }
            v[r] = v[r] * scale + bias;
        } else {
            v[r] *= scale;
        }
    }
}

#define FILM(v, S, dim, c) film(v, dim, F_##S##_SHIFT, F_##S##_G, w + O_F_##S##_W, w + O_F_##S##_B, c)

// out[o] = bias[o] + sum_j W[o][j] in[group(o) + j], a grouped 1x1 (no bias when b is null).
inline void pointwise(float* out, const int nout, const int nin, const int groups,
                      WSPACE const float* wm, WSPACE const float* b, const float* in) {
    const int opg = nout / groups;
    const int ipg = nin / groups;
    #pragma unroll
    for (int o = 0; o < nout; o++) {
        const int gs = (o / opg) * ipg;
        float acc = b ? b[o] : 0.0f;
        #pragma unroll
        for (int j = 0; j < ipg; j++) {
            acc += wm[o * ipg + j] * in[gs + j];
        }
        out[o] = acc;
    }
}

// The layer at row index t of x and cond (rows of xstride and cstride floats), which is position
// p of the chunk: writes x + residual to xnew[CH] and the head contribution to h[HW]. Taps before
// position 0 feed only discarded outputs: they read position 0's index instead (in bounds,
// finite) and count as zero, without a branch, so the code stays straight-line for SIMD across
// work-items.
inline void layer_at(TAPSPACE const float* x, const int xstride, TAPSPACE const float* cond, const int cstride,
                     const int t, const int p, const int dilation, WSPACE const float* w, float* xnew, float* h) {
    float c[COND];
    #pragma unroll
    for (int i = 0; i < COND; i++) {
        c[i] = cond[i * cstride + t];
    }

    float z[ZC];
    #pragma unroll
    for (int o = 0; o < ZC; o++) {
        z[o] = w[O_CONV_B + o];
    }
    #pragma unroll
    for (int k = 0; k < K; k++) {
        const int s = p - dilation * (K - 1 - k);
        const int sc = t - p + max(s, 0);
        float xs[CH];
        #pragma unroll
        for (int i = 0; i < CH; i++) {
            const float v = x[i * xstride + sc];
            xs[i] = s >= 0 ? v : 0.0f;
        }
#if F_CONV_PRE
        float cs[COND];
        #pragma unroll
        for (int i = 0; i < COND; i++) {
            cs[i] = cond[i * cstride + sc];
        }
        FILM(xs, CONV_PRE, CH, cs);
#endif
        #pragma unroll
        for (int o = 0; o < ZC; o++) {
            const int gs = (o / (ZC / GI)) * (CH / GI);
            #pragma unroll
            for (int j = 0; j < CH / GI; j++) {
                z[o] += w[O_CONV_W + (o * (CH / GI) + j) * K + k] * xs[gs + j];
            }
        }
    }
#if F_CONV_POST
    FILM(z, CONV_POST, ZC, c);
#endif

    {   // input mixin
        float cm[COND];
        #pragma unroll
        for (int i = 0; i < COND; i++) {
            cm[i] = c[i];
        }
#if F_INPUT_MIXIN_PRE
        FILM(cm, INPUT_MIXIN_PRE, COND, c);
#endif
        float m[ZC];
        pointwise(m, ZC, COND, GM, w + O_MIX_W, 0, cm);
#if F_INPUT_MIXIN_POST
        FILM(m, INPUT_MIXIN_POST, ZC, c);
#endif
        #pragma unroll
        for (int o = 0; o < ZC; o++) {
            z[o] += m[o];
        }
    }
#if F_ACTIVATION_PRE
    FILM(z, ACTIVATION_PRE, ZC, c);
#endif

    float a[BN];
    #pragma unroll
    for (int r = 0; r < BN; r++) {
#if GATING == GATE_NONE
        a[r] = nam_activate(ACT, z[r], w + O_ACT, ACT_NP, r);
#elif GATING == GATE_GATED
        a[r] = nam_activate(ACT, z[r], w + O_ACT, ACT_NP, r) * nam_activate(SEC, z[BN + r], w + O_SEC, SEC_NP, r);
#else
        const float g = nam_activate(SEC, z[BN + r], w + O_SEC, SEC_NP, r);
        a[r] = g * nam_activate(ACT, z[r], w + O_ACT, ACT_NP, r) + (1.0f - g) * z[r];
#endif
    }
#if F_ACTIVATION_POST
    FILM(a, ACTIVATION_POST, BN, c);
#endif

#if L1X1
    float res[CH];
    pointwise(res, CH, BN, L1G, w + O_L1_W, w + O_L1_B, a);
#if F_LAYER1X1_POST
    FILM(res, LAYER1X1_POST, CH, c);
#endif
#else
    const float* res = a; // layer1x1 inactive: the trainer adds a (BN == CH)
#endif
    #pragma unroll
    for (int i = 0; i < CH; i++) {
        xnew[i] = x[i * xstride + t] + res[i];
    }

#if H1X1
    pointwise(h, HW, BN, H1G, w + O_H1_W, w + O_H1_B, a);
#if F_HEAD1X1_POST
    FILM(h, HEAD1X1_POST, HW, c);
#endif
#else
    #pragma unroll
    for (int q = 0; q < HW; q++) {
        h[q] = a[q];
    }
#endif
}
