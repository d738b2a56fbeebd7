package org.namcl.opencl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;

/** Typed reads of clGet*Info values, which OpenCL hands back as raw bytes. */
final class ClInfo {

    /** One clGet*Info call: writes up to {@code size} bytes into {@code value}, or only the size when value is null. */
    @FunctionalInterface
    private interface Query {
        int get(long size, Pointer value, long[] sizeRet);
    }

    private ClInfo() {
    }

    static String platformString(cl_platform_id platform, int param) {
        return string("clGetPlatformInfo", (size, value, sizeRet) -> CL.clGetPlatformInfo(platform, param, size, value, sizeRet));
    }

    static String deviceString(cl_device_id device, int param) {
        return string("clGetDeviceInfo", deviceQuery(device, param));
    }

    /** cl_ulong and cl_bitfield values. */
    static long deviceLong(cl_device_id device, int param) {
        return bytes("clGetDeviceInfo", Sizeof.cl_ulong, deviceQuery(device, param)).getLong();
    }

    static int deviceInt(cl_device_id device, int param) {
        return bytes("clGetDeviceInfo", Sizeof.cl_uint, deviceQuery(device, param)).getInt();
    }

    /** size_t values, whose width depends on the platform. */
    static long deviceSize(cl_device_id device, int param) {
        return sizeT(bytes("clGetDeviceInfo", Sizeof.size_t, deviceQuery(device, param)));
    }

    /** size_t values of a kernel on a device, e.g. CL_KERNEL_WORK_GROUP_SIZE. */
    static long kernelWorkGroupSize(cl_kernel kernel, cl_device_id device, int param) {
        return sizeT(bytes("clGetKernelWorkGroupInfo", Sizeof.size_t, (size, value, sizeRet) ->
                CL.clGetKernelWorkGroupInfo(kernel, device, param, size, value, sizeRet)));
    }

    private static long sizeT(ByteBuffer value) {
        return Sizeof.size_t == Long.BYTES ? value.getLong() : Integer.toUnsignedLong(value.getInt());
    }

    static String buildLog(cl_program program, cl_device_id device) {
        return string("clGetProgramBuildInfo(CL_PROGRAM_BUILD_LOG)", (size, value, sizeRet) ->
                CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, size, value, sizeRet));
    }

    private static Query deviceQuery(cl_device_id device, int param) {
        return (size, value, sizeRet) -> CL.clGetDeviceInfo(device, param, size, value, sizeRet);
    }

    private static ByteBuffer bytes(String what, int size, Query query) {
        byte[] raw = new byte[size];
        ClCalls.check(what, () -> query.get(size, Pointer.to(raw), null));
        return ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
    }

    /** A NUL-terminated string value, asked for its length first. */
    private static String string(String what, Query query) {
        long[] length = new long[1];
        ClCalls.check(what, () -> query.get(0, null, length));
        byte[] raw = new byte[(int) length[0]];
        if (raw.length > 0) {
            ClCalls.check(what, () -> query.get(raw.length, Pointer.to(raw), null));
        }
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_8).trim();
    }
}
