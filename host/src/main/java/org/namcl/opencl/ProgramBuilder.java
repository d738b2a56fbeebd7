package org.namcl.opencl;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jocl.CL;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_program;

/**
 * Compiles programs for one {@link OpenClContext} and caches them by (sources, options), so each
 * distinct program is compiled once per run. Options are {@value #BASE_OPTIONS} plus the caller's
 * -D defines; no -cl-fast-relaxed-math, so results stay close to the CPU engine's.
 */
final class ProgramBuilder {

    // -w: a compiler that declines a "#pragma unroll" says so as a warning, and PoCL prints its
    // warnings on the process's stderr, in the middle of namcl's own output; errors still fail
    // the build, with the device's whole log.
    public static final String BASE_OPTIONS = "-cl-std=CL1.2 -w";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private record Key(List<String> sources, String options) {
    }

    private final cl_context context;
    private final cl_device_id device;
    private final String deviceName;
    private final Map<Key, CompiledProgram> cache = new HashMap<>();

    ProgramBuilder(cl_context context, cl_device_id device, String deviceName) {
        this.context = context;
        this.device = device;
        this.deviceName = deviceName;
    }

    public CompiledProgram build(String source) {
        return build(List.of(source), Map.of());
    }

    public CompiledProgram build(String source, Map<String, ?> defines) {
        return build(List.of(source), defines);
    }

    /**
     * The program made of these sources, compiled with {@link #options(Map)} on first request.
     *
     * @throws OpenClBuildException when compilation fails; its message holds the build log
     */
    public synchronized CompiledProgram build(List<String> sources, Map<String, ?> defines) {
        Key key = new Key(List.copyOf(sources), options(defines));
        CompiledProgram program = cache.get(key);
        if (program == null) {
            program = compile(key.sources(), key.options());
            cache.put(key, program);
        }
        return program;
    }

    /** {@value #BASE_OPTIONS} then "-DNAME=value" per define, sorted by name so equal maps give equal options. */
    public static String options(Map<String, ?> defines) {
        StringBuilder options = new StringBuilder(BASE_OPTIONS);
        new TreeMap<>(defines).forEach((name, value) -> {
            String text = String.valueOf(value);
            if (!IDENTIFIER.matcher(name).matches() || text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("Invalid OpenCL define " + name + "=" + text
                        + " (need an identifier and a value without whitespace)");
            }
            options.append(" -D").append(name).append('=').append(text);
        });
        return options.toString();
    }

    private CompiledProgram compile(List<String> sources, String options) {
        String[] texts = sources.toArray(String[]::new);
        cl_program program = ClCalls.create("clCreateProgramWithSource",
                err -> CL.clCreateProgramWithSource(context, texts.length, texts, null, err));
        try {
            int status = ClCalls.status(() -> CL.clBuildProgram(program, 1, new cl_device_id[] {device}, options, null, null));
            String log = ClInfo.buildLog(program, device);
            if (status != CL.CL_SUCCESS) {
                throw new OpenClBuildException(deviceName, options, status, log);
            }
            return new CompiledProgram(program, options, log);
        } catch (RuntimeException e) {
            ClCalls.status(() -> CL.clReleaseProgram(program));
            throw e;
        }
    }

    /** Programs compiled so far. */
    public synchronized int size() {
        return cache.size();
    }

    /** Releases every cached program; called by {@link OpenClContext#close()}. */
    synchronized void close() {
        cache.values().forEach(CompiledProgram::release);
        cache.clear();
    }
}
