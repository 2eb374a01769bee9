"""What the apps' pages share: widgets, SVG chart geometry, shared templates."""
