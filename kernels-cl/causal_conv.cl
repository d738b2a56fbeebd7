// A causal dilated conv over channel-major rows, y[o][t] = scale * (b[o] + sum W x'[t - d(K-1-k)])
// with x' = act(x): the layer arrays' rechannel (K 1, zero bias), their head rechannel (times
// head_scale after the last array), and each post-stack head conv (y = conv(act(y))).
// One work-item per time position t.
//
// These convs run once per array, not per layer, and are memory-bound: their shape is given at
// run time, so one program per pre-activation serves every shape. Compile-time: the
// pre-activation PRE (ACT_IDENTITY for none) with PRE_NP parameters at O_PRE = 0.
// Weights: [PRE_NP parameters | W (out, in / groups, k) | bias (out)].

__kernel void causal_conv(__global const float* restrict src, __global float* restrict dst,
                          WSPACE const float* restrict w,
                          const int stride, const int n, const int dilation, const float scale,
                          const int cin, const int cout, const int k, const int groups) {
    const int t = get_global_id(0);
    if (t >= n) {
        return;
    }
    const int ipg = cin / groups;
    const int opg = cout / groups;
    WSPACE const float* wm = w + O_PRE + PRE_NP;
    WSPACE const float* bias = wm + cout * ipg * k;
    for (int o = 0; o < cout; o++) {
        const int gs = (o / opg) * ipg;
        float acc = bias[o];
        for (int kk = 0; kk < k; kk++) {
            // taps before the buffer start feed only discarded outputs: read position 0, count zero
            const int s = t - dilation * (k - 1 - kk);
            const int sc = max(s, 0);
            for (int j = 0; j < ipg; j++) {
                const float v = nam_activate(PRE, src[(gs + j) * stride + sc], w + O_PRE, PRE_NP, gs + j);
                acc += wm[(o * ipg + j) * k + kk] * (s >= 0 ? v : 0.0f);
            }
        }
        dst[o * stride + t] = acc * scale;
    }
}
