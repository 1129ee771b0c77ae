// Both tests ran (not skipped), and the SDK's runtime footprint as a consumer sees it.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0, Skipped: 0')

def jars = new File(basedir, 'target/runtime-classpath.txt').text.trim().split(File.pathSeparator)
        .collect { new File(it) }
def bytes = jars.sum { it.length() }
def line = String.format('SDK runtime footprint: %d jars, %.1f MB', jars.size(), bytes / 1e6)
println line
new File(basedir, 'footprint.txt').text = line + '\n' + jars.sort { -it.length() }
        .collect { String.format('%8d %s', it.length(), it.name) }.join('\n') + '\n'
assert jars.any { it.name.startsWith('coupontools-sdk-') }
// Optional at run time (annotations only, or JerseyTransport's API): never on a user's class path;
// nor a Bean Validation implementation (the SDK's checks are generated code).
assert !jars.any { it.name.startsWith('jakarta.annotation-api') || it.name.startsWith('jakarta.ws.rs-api')
        || it.name.startsWith('jakarta.validation-api') || it.name.startsWith('hibernate-validator') } : line
// The ceiling as measured (README "Footprint"), so the footprint can only shrink.
assert jars.size() <= 10 : line
assert bytes <= 5_500_000 : line

// The README's prefetch command, against the cache the test filled: prints the executable.
def mockJar = new File(localRepositoryPath,
        "io/github/coupontools-java/coupontools-mock/${projectVersion}/coupontools-mock-${projectVersion}.jar")
def java = new File(System.getProperty('java.home'), 'bin/java').path
def prefetch = [java, "-Dcoupontools.mock.cache=${prismCache}", '-cp', mockJar.path,
                'io.github.coupontools.mock.PrismInstallation'].collect { it.toString() }.execute()
def out = prefetch.text.trim()
assert prefetch.waitFor() == 0 : out
assert new File(out).canExecute() && out.startsWith(prismCache.toString()) : out
return true
