// Each build printed its summary: 2 compiled; then none (all up to date); then beta alone.
def log = new File(basedir, 'build.log').text
def summaries = (log =~ /myelin: (\d+) compiled, (\d+) up to date/).collect { it[0] }
assert summaries == ['myelin: 2 compiled, 0 up to date', 'myelin: 0 compiled, 2 up to date', 'myelin: 1 compiled, 1 up to date'] : summaries
assert log =~ /myelin: compiled beta\.snn on spinnaker1/
assert new File(basedir, 'target/generated-sources/myelin/spinnaker1/alpha/image/manifest.json').isFile()
assert new File(basedir, 'target/generated-sources/myelin/spinnaker1/beta/image/manifest.json').isFile()
return true
