package org.namcl.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgramBuilderTest {

    private static final String SAXPY = """
            __kernel void saxpy(const float a, __global const float* x, __global float* y, const int n) {
                int i = get_global_id(0);
                if (i < n) {
                    y[i] = a * x[i] + y[i] * SCALE;
                }
            }
            """;

    private OpenClContext cl;

    @BeforeEach
    void open() {
        cl = OpenClContext.open(OpenClTestSupport.requireDevice(), true);
    }

    @AfterEach
    void close() {
        if (cl != null) { // null when requireDevice() skipped the test
            cl.close();
        }
    }

    @Test
    void saxpyMatchesJava() {
        int n = 1000;
        float a = 2.5f;
        float[] x = new float[n];
        float[] y = new float[n];
        Random random = new Random(42);
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat() * 2 - 1;
            y[i] = random.nextFloat() * 2 - 1;
        }

        cl_kernel kernel = cl.programs().build(SAXPY, Map.of("SCALE", "0.5f")).kernel("saxpy");
        float[] result = new float[n];
        cl_mem xBuf = buffer(CL.CL_MEM_READ_ONLY | CL.CL_MEM_COPY_HOST_PTR, x);
        try {
            cl_mem yBuf = buffer(CL.CL_MEM_READ_WRITE | CL.CL_MEM_COPY_HOST_PTR, y);
            try {
                ClCalls.check("clSetKernelArg", () -> CL.clSetKernelArg(kernel, 0, Sizeof.cl_float, Pointer.to(new float[] {a})));
                ClCalls.check("clSetKernelArg", () -> CL.clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(xBuf)));
                ClCalls.check("clSetKernelArg", () -> CL.clSetKernelArg(kernel, 2, Sizeof.cl_mem, Pointer.to(yBuf)));
                ClCalls.check("clSetKernelArg", () -> CL.clSetKernelArg(kernel, 3, Sizeof.cl_int, Pointer.to(new int[] {n})));
                ClCalls.check("clEnqueueNDRangeKernel", () -> CL.clEnqueueNDRangeKernel(
                        cl.queue(), kernel, 1, null, new long[] {n}, null, 0, null, null));
                ClCalls.check("clEnqueueReadBuffer", () -> CL.clEnqueueReadBuffer(
                        cl.queue(), yBuf, CL.CL_TRUE, 0, (long) Sizeof.cl_float * n, Pointer.to(result), 0, null, null));
            } finally {
                CL.clReleaseMemObject(yBuf);
            }
        } finally {
            CL.clReleaseMemObject(xBuf);
        }

        for (int i = 0; i < n; i++) {
            // The device may contract a*x+y into an fma, so allow an ulp or two.
            float expected = a * x[i] + y[i] * 0.5f;
            assertEquals(expected, result[i], 4 * Math.ulp(Math.abs(expected) + 1f), "element " + i);
        }
    }

    @Test
    void brokenSourceReportsBuildLog() {
        String broken = "__kernel void broken(__global float* y) { y[0] = undeclared_thing; }";
        OpenClBuildException e = assertThrows(OpenClBuildException.class, () -> cl.programs().build(broken));
        assertEquals(CL.CL_BUILD_PROGRAM_FAILURE, e.errorCode());
        assertTrue(e.buildLog().contains("undeclared_thing"), e::getMessage);
        assertTrue(e.getMessage().contains("undeclared_thing"), e::getMessage);
        assertTrue(e.getMessage().contains(ProgramBuilder.BASE_OPTIONS), e::getMessage);
        assertTrue(e.getMessage().contains("CL_BUILD_PROGRAM_FAILURE"), e::getMessage);
    }

    @Test
    void programsAreCachedBySourceAndOptions() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("SCALE", "1.0f");
        ab.put("UNUSED", 3);
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("UNUSED", 3);
        ba.put("SCALE", "1.0f");

        CompiledProgram first = cl.programs().build(SAXPY, ab);
        assertSame(first, cl.programs().build(SAXPY, ba));
        assertNotSame(first, cl.programs().build(SAXPY, Map.of("SCALE", "2.0f")));
        assertSame(first.kernel("saxpy"), first.kernel("saxpy"));
    }

    @Test
    void unknownKernelNameNamesTheError() {
        CompiledProgram program = cl.programs().build(SAXPY, Map.of("SCALE", "1.0f"));
        OpenClException e = assertThrows(OpenClException.class, () -> program.kernel("nope"));
        assertEquals(CL.CL_INVALID_KERNEL_NAME, e.errorCode());
        assertTrue(e.getMessage().contains("CL_INVALID_KERNEL_NAME"), e::getMessage);
    }

    @Test
    void contextReportsItsSettings() {
        assertTrue(cl.profiling());
        assertEquals(OpenClDevices.choose("auto"), cl.device());
        cl.finish();
    }

    private cl_mem buffer(long flags, float[] data) {
        return ClCalls.create("clCreateBuffer", err -> CL.clCreateBuffer(
                cl.context(), flags, (long) Sizeof.cl_float * data.length, Pointer.to(data), err));
    }
}
