// The first build passed both checks; the second failed both at the first differing spike.
def log = new File(basedir, 'build.log').text
assert log =~ /chain\.snn\s+50\s+\d+\s+[0-9.]+ s  ok/ : 'the first regression run did not pass'
assert log =~ /chain\.snn\s+50\s+\d+\s+[0-9.]+ s  DIFFERS: first differing spike at step \d+, population \w+, neuron \d+/
assert log.contains('myelin regression runs failed')
def report = new File(basedir, 'target/surefire-reports/sample.ChainRegressionTest.txt').text
assert report =~ /spikes differ from .*chain\.golden\.csv: first differing spike at step \d+, population \w+, neuron \d+: golden \d spike\(s\), now \d/ : report
return true
