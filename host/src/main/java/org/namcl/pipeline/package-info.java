/**
 * The host side of bulk rendering around a device: sources read on worker threads ahead of the
 * thread that renders ({@link org.namcl.pipeline.ReadAhead}), outputs written on threads of their
 * own behind it ({@link org.namcl.pipeline.SinkWriter}).
 */
package org.namcl.pipeline;
