/**
 * The report as pages show it: what the HTML report ({@code report.render.HtmlRenderer}) and the Jenkins plugin's
 * report page lay out, each in its own markup. Plain strings with JavaBeans getters (Jelly reads bean properties),
 * every text from the repository already made visible (control and direction characters shown as escapes); the
 * markup escapes them for HTML. Built from a {@link io.ascent.core.report.Report} alone, so it works on a
 * controller that never saw the workspace.
 */
package io.ascent.core.report.view;
