package myelin.backends.verilog;

import java.io.StringWriter;
import java.util.Map;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * Renders {@code templates/verilog/NAME.vm} from the class path with Apache Velocity in strict
 * mode: a reference the view model lacks is an error, never an empty string. Verilog's system
 * tasks are context values ({@code ${signed}} prints {@code $signed}), so templates read like
 * the Verilog they print.
 */
final class Templates {
    private static final String[] SYSTEM_TASKS = {"signed", "readmemh", "display", "finish", "fopen", "fclose", "fwrite", "fscanf",
            "fgetc", "fgets"};

    private final VelocityEngine engine = new VelocityEngine();
    private final String version;
    private final String prefix;

    /** The built-in templates, or those of {@code folder} ({@code NAME.vm} files) when it is not null. */
    Templates(String version, java.nio.file.Path folder) {
        this.version = version;
        if (folder == null) {
            engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
            engine.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
            prefix = "templates/verilog/";
        } else {
            engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "file");
            engine.setProperty("resource.loader.file.path", folder.toAbsolutePath().toString());
            prefix = "";
        }
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, true);
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine.init();
    }

    String render(String name, Map<String, Object> values) {
        VelocityContext context = new VelocityContext();
        for (String task : SYSTEM_TASKS) context.put(task, "$" + task);
        context.put("value_plusargs", "$value$plusargs");
        context.put("version", version);
        values.forEach(context::put);
        Template template = engine.getTemplate(prefix + name + ".vm");
        StringWriter out = new StringWriter();
        template.merge(context, out);
        return out.toString();
    }
}
