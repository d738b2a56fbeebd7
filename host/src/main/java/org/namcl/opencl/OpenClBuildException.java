package org.namcl.opencl;

/** An OpenCL program failed to compile; the message includes the options and the device's build log. */
final class OpenClBuildException extends OpenClException {

    private final String options;
    private final String buildLog;

    OpenClBuildException(String deviceName, String options, int errorCode, String buildLog) {
        super("Building OpenCL program for " + deviceName + " with options '" + options + "'", errorCode);
        this.options = options;
        this.buildLog = buildLog;
    }

    public String options() {
        return options;
    }

    public String buildLog() {
        return buildLog;
    }

    @Override
    public String getMessage() {
        return super.getMessage() + "\n--- build log ---\n" + buildLog;
    }
}
