// Both JUnit runs passed their two tests; the second start (Prism already cached) takes seconds.
def log = new File(basedir, 'build.log').text
def passed = log.findAll(/Tests run: 2, Failures: 0, Errors: 0, Skipped: 0\n/)
assert passed.size() == 2 : "expected two passing runs of 2 tests, got ${passed.size()}"

// The first run said, in one line, what it installs and where; the second had nothing to install.
def installs = log.findAll(/INFO: Installing Prism [0-9.]+ for the Coupontools mock with npm, once: about \d+ MB into .*prism-cache.*/)
assert installs.size() == 1 : "expected one install line, got ${installs}"

def starts = [junit5Version, junit6Version].collect { version ->
    new File(basedir, "target/mock-start-junit-${version}.txt").text.trim() as long
}
println "coupontools-mock start: ${starts[0]} ms on JUnit ${junit5Version}, ${starts[1]} ms on JUnit ${junit6Version} (from the cache)"
// Relative to the first start (which installs) as well as absolute: on a loaded 2-core machine a
// cached start measured 15.1 s beside a 49.7 s install.
assert starts[1] < starts[0] / 2 && starts[1] < 30_000 : "a cached Prism should start in seconds, took ${starts[1]} ms after ${starts[0]} ms"
return true
