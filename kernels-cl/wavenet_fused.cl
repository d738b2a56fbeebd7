// FK consecutive WaveNet layers of one shape in one launch (see wavenet_layer_core.cl for the
// layer and its defines; TAPSPACE is __local). A work-group computes TILE time positions
// [t0, t0 + TILE) through all FK layers: it loads x and the condition for [t0 - HALO, t0 + TILE)
// into local memory once, each layer computes from its predecessor's rows the positions the
// layers after it still need (layer j: the last SPAN - (its dilation x (K - 1) + those before)),
// and only the last layer's rows and the head go back to device memory. HALO is the sum of the
// FK layers' dilation x (K - 1): the positions a tile recomputes that its neighbour owns.
//
// Compile-time: the layer's shape, FK, DILS (the FK dilations, comma-separated), HALO, TILE and
// LAYER_W (floats of weights per layer: layer j's block starts at j x LAYER_W).
// The head start mode is an argument, as for wavenet_layer.

#define SPAN (TILE + HALO)

__constant int fused_dilation[FK] = {DILS};

// x, xout and cond are always distinct buffers; head_in may be head itself (then unread).
__kernel void wavenet_fused(__global const float* restrict x, __global float* restrict xout,
                            __global float* head, __global const float* head_in,
                            __global const float* restrict cond, WSPACE const float* restrict w,
                            const int stride, const int n, const int head_mode) {
    __local float xa[CH * SPAN];
    __local float xb[CH * SPAN];
    __local float cl[COND * SPAN];
    __local float hl[HW * TILE];
    const int lid = get_local_id(0);
    const int wg = get_local_size(0);
    const int t0 = get_group_id(0) * TILE;
    const int base = t0 - HALO; // the chunk position of local index 0

    // Positions outside the chunk are never an input of a wanted output: load zeros there.
    for (int i = lid; i < SPAN; i += wg) {
        const int p = base + i;
        const int pc = clamp(p, 0, n - 1);
        const bool inside = p >= 0 && p < n;
        #pragma unroll
        for (int c = 0; c < CH; c++) {
            const float v = x[c * stride + pc];
            xa[c * SPAN + i] = inside ? v : 0.0f;
        }
        #pragma unroll
        for (int c = 0; c < COND; c++) {
            const float v = cond[c * stride + pc];
            cl[c * SPAN + i] = inside ? v : 0.0f;
        }
    }
    __global const float* start = head_mode == HEAD_ACCUMULATE ? (__global const float*) head : head_in;
    for (int i = lid; i < TILE; i += wg) {
        const int pc = min(t0 + i, n - 1);
        #pragma unroll
        for (int q = 0; q < HW; q++) {
            const float v = start[(head_mode == HEAD_BROADCAST ? 0 : q) * stride + pc];
            hl[q * TILE + i] = head_mode == HEAD_ZERO ? 0.0f : v;
        }
    }
    barrier(CLK_LOCAL_MEM_FENCE);

    __local float* src = xa;
    __local float* dst = xb;
    int lo = 0; // the first local index the current layer computes
    for (int j = 0; j < FK; j++) {
        const int d = fused_dilation[j];
        lo += d * (K - 1);
        WSPACE const float* wl = w + j * LAYER_W;
        for (int i = lo + lid; i < SPAN; i += wg) {
            float xn[CH];
            float h[HW];
            layer_at(src, SPAN, cl, SPAN, i, base + i, d, wl, xn, h);
            #pragma unroll
            for (int c = 0; c < CH; c++) {
                dst[c * SPAN + i] = xn[c];
            }
            if (i >= HALO) {
                #pragma unroll
                for (int q = 0; q < HW; q++) {
                    hl[q * TILE + i - HALO] += h[q];
                }
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        __local float* tmp = src;
        src = dst;
        dst = tmp;
    }

    for (int i = lid; i < TILE; i += wg) {
        const int p = t0 + i;
        if (p < n) {
            #pragma unroll
            for (int c = 0; c < CH; c++) {
                xout[c * stride + p] = src[c * SPAN + HALO + i];
            }
            #pragma unroll
            for (int q = 0; q < HW; q++) {
                head[q * stride + p] = hl[q * TILE + i];
            }
        }
    }
}
