"""Every chart and HTML view: ``highlight`` for all topics, one module of charts per topic, the report."""
