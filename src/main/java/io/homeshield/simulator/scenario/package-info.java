/**
 * Labelled scenarios: ordinary homes with realistic device mixes and daily rhythms, and infected
 * devices with a known onset, producing the telemetry batches their routers would post. Fully
 * deterministic for a seed, so a detection report can measure detection and false alarms.
 */
package io.homeshield.simulator.scenario;
