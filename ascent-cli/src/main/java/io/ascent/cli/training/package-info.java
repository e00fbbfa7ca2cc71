/**
 * What the {@code ./ascent} launcher's class-data archive is trained against: a local stand-in for a Kubernetes
 * API server ({@link io.ascent.cli.training.TrainingApiServer}) with throw-away TLS keys, so that the training run
 * of {@link io.ascent.cli.StartupTraining} provisions through the same TLS, HTTP and watch code a real run uses.
 * Nothing here is used outside the training run and its tests.
 */
package io.ascent.cli.training;
