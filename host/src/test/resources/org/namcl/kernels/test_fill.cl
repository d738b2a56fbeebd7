// Test fixture for KernelSourceTest: stands in for a kernel packaged from kernels-cl/.
__kernel void fill(__global float* out, const float value) {
    out[get_global_id(0)] = value;
}
