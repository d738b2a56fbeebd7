package org.namcl.render;

import java.io.IOException;
import org.namcl.engine.SignalSource;

/** A source reading a file: closing it lets go of the file (and of anything kept while reading). */
interface InputSource extends SignalSource, AutoCloseable {
    @Override
    void close() throws IOException;
}
