// What Central requires of a deployment, deployed to a file repository: jar, sources, javadoc,
// pom, checksums, the pom's metadata, and the manifest's module name.
import java.util.jar.JarFile

def dir = new File(basedir, 'target/test-repo/io/github/coupontools-java/coupontools-release-check/1.0.0')
assert dir.isDirectory() : "nothing deployed to ${dir}"
def names = dir.list() as Set
['', '-sources', '-javadoc'].each { classifier ->
    def jar = "coupontools-release-check-1.0.0${classifier}.jar".toString()
    assert names.contains(jar) : "${jar} missing from ${names}"
    assert names.contains(jar + '.sha1') && names.contains(jar + '.md5') : "checksums of ${jar} missing"
}
assert names.contains('coupontools-release-check-1.0.0.pom')

def manifest = new JarFile(new File(dir, 'coupontools-release-check-1.0.0.jar')).manifest
assert manifest.mainAttributes.getValue('Automatic-Module-Name') == 'io.github.coupontools.releasecheck'

// The published parent carries what Central checks: licenses, developers, scm, url.
def parent = new File(localRepositoryPath,
        "io/github/coupontools-java/coupontools-parent/${projectVersion}/coupontools-parent-${projectVersion}.pom").text
['<url>https://github.com/coupontools-java/coupontools-java</url>', '<name>Apache-2.0</name>',
 '<developer>', '<connection>scm:git:'].each { assert parent.contains(it) : "parent pom lacks ${it}" }
def log = new File(basedir, 'build.log').text
assert log.contains("Skipping Central Release Publishing for artifact 'coupontools-release-check' at user's request")
assert log.contains('Uploading to test: file:') : 'the deploy plugin did not deploy to the file repository'
return true
