// One WaveNet layer per launch (see wavenet_layer_core.cl for the layer and its defines), one
// work-item per time position t; buffers are channel-major rows of `stride` floats
// ([channel][time]), so neighbouring work-items touch neighbouring addresses. TAPSPACE is
// __global. Dilation and the head start mode are arguments: layers differing only there share
// a program.

// x, xout and cond are always distinct buffers; head_in may be head itself (then unread).
__kernel void wavenet_layer(__global const float* restrict x, __global float* restrict xout,
                            __global float* head, __global const float* head_in,
                            __global const float* restrict cond, WSPACE const float* restrict w,
                            const int stride, const int n, const int dilation, const int head_mode) {
    const int t = get_global_id(0);
    if (t >= n) {
        return;
    }
    float xn[CH];
    float h[HW];
    layer_at(x, stride, cond, stride, t, t, dilation, w, xn, h);
    #pragma unroll
    for (int i = 0; i < CH; i++) {
        xout[i * stride + t] = xn[i];
    }
    // The head starts from 0 (first array), from the previous array's head (copied, or its one
    // row broadcast), or accumulates; head_mode is uniform, selected without a branch.
    __global const float* start = head_mode == HEAD_ACCUMULATE ? (__global const float*) head : head_in;
    #pragma unroll
    for (int q = 0; q < HW; q++) {
        const float v = start[(head_mode == HEAD_BROADCAST ? 0 : q) * stride + t];
        const float prev = head_mode == HEAD_ZERO ? 0.0f : v;
        head[q * stride + t] = prev + h[q];
    }
}
