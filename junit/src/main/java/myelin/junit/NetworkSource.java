package myelin.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * For a {@code @ParameterizedTest}: one {@link myelin.api.NetworkCase} per network (.snn, .nir) in a
 * folder, in name order, each with its input and golden files beside it. Files under an
 * {@code include/} folder are the networks' includes, not networks.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ArgumentsSource(NetworkSourceProvider.class)
public @interface NetworkSource {
    /** The folder, relative to the working directory (the project's base folder under Maven). */
    String value() default "src/test/snn";

    /** Searches sub-folders too. */
    boolean recursive() default true;
}
