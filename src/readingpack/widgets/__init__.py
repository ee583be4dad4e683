"""The pack's widgets: one module per lesson topic, logic unit-tested without a browser."""
